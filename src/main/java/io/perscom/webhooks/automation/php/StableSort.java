package io.perscom.webhooks.automation.php;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntBiFunction;

/**
 * A stable merge sort (PHP 8 sorts are stable) that, unlike List.sort, accepts the inconsistent orderings PHP's
 * mixed-type comparison can produce instead of throwing.
 */
final class StableSort {

    private StableSort() {
    }

    static PhpArray sortByValue(PhpArray array, ToIntBiFunction<Object, Object> comparator, Budget budget) {
        List<Map.Entry<Object, Object>> entries = new ArrayList<>(array.entries());
        @SuppressWarnings("unchecked")
        Map.Entry<Object, Object>[] items = entries.toArray(new Map.Entry[0]);
        @SuppressWarnings("unchecked")
        Map.Entry<Object, Object>[] scratch = new Map.Entry[items.length];
        mergeSort(items, scratch, 0, items.length, comparator, budget);
        PhpArray sorted = new PhpArray();
        for (Map.Entry<Object, Object> entry : items) {
            sorted.put(entry.getKey(), entry.getValue());
        }
        return sorted;
    }

    private static void mergeSort(Map.Entry<Object, Object>[] items, Map.Entry<Object, Object>[] scratch, int from,
            int to, ToIntBiFunction<Object, Object> comparator, Budget budget) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(items, scratch, from, middle, comparator, budget);
        mergeSort(items, scratch, middle, to, comparator, budget);
        int left = from;
        int right = middle;
        int out = from;
        while (left < middle && right < to) {
            budget.tick();
            if (comparator.applyAsInt(items[right].getValue(), items[left].getValue()) < 0) {
                scratch[out++] = items[right++];
            } else {
                scratch[out++] = items[left++];
            }
        }
        while (left < middle) {
            scratch[out++] = items[left++];
        }
        while (right < to) {
            scratch[out++] = items[right++];
        }
        System.arraycopy(scratch, from, items, from, to - from);
    }
}
