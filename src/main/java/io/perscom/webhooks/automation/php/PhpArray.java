package io.perscom.webhooks.automation.php;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A PHP array: an ordered hash map whose keys are {@link Long} or {@link String}, normalised exactly like PHP does
 * ({@code "1"} becomes {@code 1L}, {@code "01"} stays a string, {@code true} becomes {@code 1L}, {@code null} becomes
 * {@code ""}, floats are truncated). Mutable, but the engines treat arrays they did not build as values: copy before
 * changing one (PHP arrays are copied on assignment).
 */
public final class PhpArray {

    private final LinkedHashMap<Object, Object> map;
    private long nextIndex;

    public PhpArray() {
        this.map = new LinkedHashMap<>();
    }

    private PhpArray(LinkedHashMap<Object, Object> map, long nextIndex) {
        this.map = map;
        this.nextIndex = nextIndex;
    }

    /** A list (keys 0..n-1) of the given values. */
    public static PhpArray list(Collection<?> values) {
        PhpArray array = new PhpArray();
        for (Object value : values) {
            array.append(value);
        }
        return array;
    }

    public static PhpArray of(Object... values) {
        return list(Arrays.asList(values));
    }

    /** A map with the given keys (normalised) and values, in the map's iteration order. */
    public static PhpArray ofMap(Map<?, ?> entries) {
        PhpArray array = new PhpArray();
        entries.forEach(array::put);
        return array;
    }

    /**
     * The PHP array key for {@code key}.
     *
     * @throws PhpError "Illegal offset type" for arrays and objects
     */
    public static Object normalizeKey(Object key) {
        if (key instanceof Long) {
            return key;
        }
        if (key instanceof String s) {
            Long asInt = canonicalInt(s);
            return asInt != null ? asInt : s;
        }
        if (key instanceof Integer || key instanceof Short || key instanceof Byte) {
            return ((Number) key).longValue();
        }
        if (key == null) {
            return "";
        }
        if (key instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (key instanceof Double || key instanceof Float) {
            return Php.doubleToLong(((Number) key).doubleValue());
        }
        throw new PhpError("Illegal offset type");
    }

    /** The integer a string key stands for when it is a canonical decimal integer ("12", "-3", not "012" or "-0"). */
    private static Long canonicalInt(String s) {
        int n = s.length();
        if (n == 0 || n > 20) {
            return null;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        if (i == n) {
            return null;
        }
        char first = s.charAt(i);
        if (first == '0' && (n - i > 1 || i == 1)) {
            return null;
        }
        for (int j = i; j < n; j++) {
            char c = s.charAt(j);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException overflow) {
            return null;
        }
    }

    public Object get(Object key) {
        return map.get(normalizeKey(key));
    }

    public boolean containsKey(Object key) {
        return map.containsKey(normalizeKey(key));
    }

    public PhpArray put(Object key, Object value) {
        Object k = normalizeKey(key);
        map.put(k, value);
        if (k instanceof Long l && l >= nextIndex) {
            nextIndex = l == Long.MAX_VALUE ? l : l + 1;
        }
        return this;
    }

    /** {@code $a[] = $value}. */
    public PhpArray append(Object value) {
        if (map.containsKey(nextIndex)) {
            throw new PhpError("Cannot add element to the array as the next element is already occupied");
        }
        map.put(nextIndex, value);
        if (nextIndex < Long.MAX_VALUE) {
            nextIndex++;
        }
        return this;
    }

    public Object remove(Object key) {
        return map.remove(normalizeKey(key));
    }

    public int size() {
        return map.size();
    }

    public boolean isEmpty() {
        return map.isEmpty();
    }

    /** The entries in order (a read-only view). */
    public Set<Map.Entry<Object, Object>> entries() {
        return Collections.unmodifiableMap(map).entrySet();
    }

    /** A read-only view of the underlying ordered map. */
    public Map<Object, Object> asMap() {
        return Collections.unmodifiableMap(map);
    }

    public List<Object> keys() {
        return new ArrayList<>(map.keySet());
    }

    public List<Object> values() {
        return new ArrayList<>(map.values());
    }

    /** Whether the keys are exactly 0..n-1 in this order (what json_encode and array_is_list decide on). */
    public boolean isList() {
        long expected = 0;
        for (Object key : map.keySet()) {
            if (!(key instanceof Long l) || l != expected) {
                return false;
            }
            expected++;
        }
        return true;
    }

    /** The first value, or null when empty. */
    public Object first() {
        return map.isEmpty() ? null : map.values().iterator().next();
    }

    /** The last value, or null when empty. */
    public Object last() {
        Object last = null;
        for (Object value : map.values()) {
            last = value;
        }
        return last;
    }

    /** A shallow copy (nested arrays are shared, which is safe as long as they are treated as values). */
    public PhpArray copy() {
        return new PhpArray(new LinkedHashMap<>(map), nextIndex);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhpArray that && map.equals(that.map);
    }

    @Override
    public int hashCode() {
        return Objects.hash(map);
    }

    @Override
    public String toString() {
        return "PhpArray" + map;
    }
}
