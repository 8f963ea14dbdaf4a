package io.perscom.webhooks.automation;

import io.perscom.webhooks.persistence.StoredNames;

/** How one run of an automation ended, as its log (and PERSCOM's) says it ({@code automation_log.status}). */
public enum AutomationStatus {
    CONDITION_FAILED, EXECUTED, FAILED;

    public String column() {
        return StoredNames.of(this);
    }
}
