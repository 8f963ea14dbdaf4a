package io.perscom.webhooks.automation.twig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Twig's Error::addSuggestions: " Did you mean "x"?" for names within a third of their length in edits. */
final class Suggestions {
    private Suggestions() {}

    static String append(String message, String name, Collection<String> known) {
        record Candidate(String name, int distance) {}
        List<Candidate> candidates = new ArrayList<>();
        for (String item : known) {
            int distance = levenshtein(name, item);
            if (distance <= name.length() / 3.0 || item.contains(name)) {
                candidates.add(new Candidate(item, distance));
            }
        }
        if (candidates.isEmpty()) {
            return message;
        }
        candidates.sort(Comparator.comparingInt(Candidate::distance));
        List<String> names = candidates.stream().map(Candidate::name).toList();
        return message + " Did you mean \"" + String.join("\", \"", names) + "\"?";
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
