package io.perscom.webhooks.automation.php;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** explode, Twig's split filter, array_slice and mb_substr. */
final class SplitSlice {

    private SplitSlice() {
    }

    static PhpArray explode(String delimiter, String s, long limit, Budget budget) {
        if (delimiter.isEmpty()) {
            throw new PhpError("explode(): Argument #1 ($separator) cannot be empty");
        }
        if (s.isEmpty()) {
            return limit < 0 ? new PhpArray() : PhpArray.of("");
        }
        List<String> parts = new ArrayList<>();
        long max = limit == 0 ? 1 : limit;
        int from = 0;
        while (true) {
            if (max > 0 && parts.size() == max - 1) {
                break;
            }
            int at = s.indexOf(delimiter, from);
            if (at < 0) {
                break;
            }
            budget.checkCollection(parts.size() + 2L);
            parts.add(s.substring(from, at));
            from = at + delimiter.length();
        }
        parts.add(s.substring(from));
        if (max < 0) {
            int keep = (int) Math.max(0, parts.size() + max);
            parts = parts.subList(0, keep);
        }
        return PhpArray.list(parts);
    }

    static PhpArray split(String s, String delimiter, Long limit, Budget budget) {
        String value = s == null ? "" : s;
        if (!delimiter.isEmpty()) {
            return explode(delimiter, value, limit == null ? Long.MAX_VALUE : limit, budget);
        }
        int length = value.codePointCount(0, value.length());
        if (limit == null || limit <= 1) {
            budget.checkCollection(Math.max(1, length));
            PhpArray chars = new PhpArray();
            if (value.isEmpty()) {
                return chars.append("");
            }
            value.codePoints().forEach(cp -> chars.append(new String(Character.toChars(cp))));
            return chars;
        }
        if (length < limit) {
            return PhpArray.of(value);
        }
        budget.checkCollection((length + limit - 1) / limit);
        PhpArray chunks = new PhpArray();
        int index = 0;
        while (index < value.length()) {
            int end = value.offsetByCodePoints(index, (int) Math.min(limit, value.codePointCount(index, value.length())));
            chunks.append(value.substring(index, end));
            index = end;
        }
        return chunks;
    }

    static Object slice(Object item, long start, Long length, boolean preserveKeys, Budget budget) {
        if (item instanceof PhpArray array) {
            return arraySlice(array, start, length, preserveKeys, budget);
        }
        return mbSubstr(Php.toStr(item), start, length);
    }

    static PhpArray arraySlice(PhpArray array, long offset, Long length, boolean preserveKeys, Budget budget) {
        int count = array.size();
        long begin = offset;
        if (begin > count) {
            return new PhpArray();
        }
        if (begin < 0) {
            begin = Math.max(0, count + begin);
        }
        long len = length == null ? count - begin : length;
        if (len < 0) {
            len = Math.max(0, count - begin + len);
        } else if (begin + len > count) {
            len = count - begin;
        }
        PhpArray result = new PhpArray();
        if (len <= 0) {
            return result;
        }
        budget.checkCollection(len);
        long index = 0;
        for (Map.Entry<Object, Object> entry : array.entries()) {
            if (index >= begin + len) {
                break;
            }
            if (index >= begin) {
                if (entry.getKey() instanceof Long && !preserveKeys) {
                    result.append(entry.getValue());
                } else {
                    result.put(entry.getKey(), entry.getValue());
                }
            }
            index++;
        }
        return result;
    }

    static String mbSubstr(String s, long start, Long length) {
        int total = s.codePointCount(0, s.length());
        long begin = start;
        if (begin < 0) {
            begin = Math.max(0, total + begin);
        }
        if (begin > total) {
            return "";
        }
        long end;
        if (length == null) {
            end = total;
        } else if (length < 0) {
            end = total + length;
        } else {
            end = Math.min(total, begin + length);
        }
        if (end <= begin) {
            return "";
        }
        int from = s.offsetByCodePoints(0, (int) begin);
        int to = s.offsetByCodePoints(from, (int) (end - begin));
        return s.substring(from, to);
    }
}
