package io.perscom.webhooks.egress;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Host spellings that URL parsers read as different IPv4 addresses. Browsers (WHATWG URL), curl and inet_aton read
 * {@code 0177.0.0.2} as octal (127.0.0.2), Java as decimal (177.0.0.2); {@code 127.1}, {@code 0x7f.1},
 * {@code 2130706434} and {@code 0x7f000001} are loopback to some and names or errors to others. A host whose last
 * label is a number (decimal or {@code 0x} hex) is such a spelling unless it is the one canonical form every parser
 * agrees on: four decimal parts 0-255 without leading zeros.
 */
public final class NumericHosts {

    public static final String AMBIGUOUS = "ambiguous numeric host; write an IPv4 address as four decimal parts"
            + " such as 93.184.216.34";

    private static final Pattern NUMBER = Pattern.compile("[0-9]+|0x[0-9a-f]*");
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern CANONICAL = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    private NumericHosts() {
    }

    /** True for a numeric host that is not a canonical dotted-quad IPv4 address; IPv6 literals are never. */
    public static boolean isAmbiguous(String host) {
        if (host == null || host.isEmpty() || host.indexOf(':') >= 0 || host.startsWith("[")) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        String withoutTrailingDot = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        String lastLabel = withoutTrailingDot.substring(withoutTrailingDot.lastIndexOf('.') + 1);
        return NUMBER.matcher(lastLabel).matches() && !CANONICAL.matcher(lower).matches();
    }
}
