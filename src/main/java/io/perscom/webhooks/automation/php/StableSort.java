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
        List<Map.Entry<Object, Object>> items = new ArrayList<>(array.entries());
        List<Map.Entry<Object, Object>> scratch = new ArrayList<>(items);
        mergeSort(items, scratch, 0, items.size(), comparator, budget);
        PhpArray sorted = new PhpArray();
        for (Map.Entry<Object, Object> entry : items) {
            sorted.put(entry.getKey(), entry.getValue());
        }
        return sorted;
    }

    private static void mergeSort(List<Map.Entry<Object, Object>> items, List<Map.Entry<Object, Object>> scratch,
            int from, int to, ToIntBiFunction<Object, Object> comparator, Budget budget) {
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
            if (comparator.applyAsInt(items.get(right).getValue(), items.get(left).getValue()) < 0) {
                scratch.set(out++, items.get(right++));
            } else {
                scratch.set(out++, items.get(left++));
            }
        }
        while (left < middle) {
            scratch.set(out++, items.get(left++));
        }
        while (right < to) {
            scratch.set(out++, items.get(right++));
        }
        for (int i = from; i < to; i++) {
            items.set(i, scratch.get(i));
        }
    }
}
