package io.perscom.webhooks.automation.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pass/fail per corpus category (the id's first word) and the error messages that differ from PHP's, printed after
 * the run: error and Twig syntax-error wording is compared loosely, so it is reported rather than failed.
 */
final class ParityScore {

    private final String name;
    private final Map<String, int[]> byCategory = new TreeMap<>();
    private final List<String> messageDifferences = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    ParityScore(String name) {
        this.name = name;
    }

    /** One case's outcome: {@code failure} is null when it passed. */
    synchronized void record(String id, Throwable failure) {
        int[] counts = byCategory.computeIfAbsent(category(id), key -> new int[2]);
        counts[failure == null ? 0 : 1]++;
        if (failure != null) {
            String message = String.valueOf(failure.getMessage());
            failures.add(id + ": " + failure.getClass().getSimpleName() + ": "
                    + (message.length() > 300 ? message.substring(0, 300) + "..." : message));
        }
    }

    /** Notes our wording when it is none of PHP's (the message itself or a wrapped cause's). */
    synchronized void compareMessage(String id, List<String> php, String ours) {
        if (!php.contains(ours)) {
            messageDifferences.add(id + "\n    php:  " + String.join("  |  ", php) + "\n    ours: " + ours);
        }
    }

    synchronized String summary() {
        StringBuilder out = new StringBuilder("PHP parity, " + name + " (passed/total per category):\n");
        int passed = 0;
        int total = 0;
        for (Map.Entry<String, int[]> entry : byCategory.entrySet()) {
            int[] counts = entry.getValue();
            out.append(String.format("  %-12s %3d/%d%n", entry.getKey(), counts[0], counts[0] + counts[1]));
            passed += counts[0];
            total += counts[0] + counts[1];
        }
        out.append(String.format("  %-12s %3d/%d%n", "TOTAL", passed, total));
        if (!failures.isEmpty()) {
            out.append("  failed cases:\n");
            failures.forEach(line -> out.append("  - ").append(line.replace("\n", "\\n")).append('\n'));
        }
        if (!messageDifferences.isEmpty()) {
            out.append("  error messages worded differently from PHP's (not failed):\n");
            messageDifferences.forEach(line -> out.append("  - ").append(line).append('\n'));
        }
        return out.toString();
    }

    static String category(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }
}
