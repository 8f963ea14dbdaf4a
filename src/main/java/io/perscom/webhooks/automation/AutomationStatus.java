package io.perscom.webhooks.automation;

import java.util.Locale;

/** How one run of an automation ended, as its log (and PERSCOM's) says it. */
public enum AutomationStatus {
    CONDITION_FAILED, EXECUTED, FAILED;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
