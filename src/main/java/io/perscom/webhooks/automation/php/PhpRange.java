package io.perscom.webhooks.automation.php;

import java.nio.charset.StandardCharsets;

/** PHP 8.2's range(). */
final class PhpRange {

    private static final String STEP_ERROR = "range(): Argument #3 ($step) must not exceed the specified range";

    private PhpRange() {
    }

    static PhpArray range(Object start, Object end, Object stepValue, Budget budget) {
        Object low = Php.normalize(start);
        Object high = Php.normalize(end);
        Object stepArg = Php.normalize(stepValue);
        boolean stepIsDouble = stepArg instanceof Double
                || (stepArg instanceof String s && Php.parseNumeric(s) instanceof Double);
        double step = Math.abs(Php.toDouble(stepArg));
        if (low instanceof String a && high instanceof String b && !a.isEmpty() && !b.isEmpty()) {
            Number x = Php.parseNumeric(a);
            Number y = Php.parseNumeric(b);
            if (x instanceof Double || y instanceof Double || stepIsDouble) {
                return doubles(Php.toDouble(a), Php.toDouble(b), step, budget);
            }
            if (x != null || y != null) {
                return longs(Php.toLong(a), Php.toLong(b), step, budget);
            }
            return chars(firstByte(a), firstByte(b), (long) step, budget);
        }
        if (low instanceof Double || high instanceof Double || stepIsDouble) {
            return doubles(Php.toDouble(low), Php.toDouble(high), step, budget);
        }
        return longs(Php.toLong(low), Php.toLong(high), step, budget);
    }

    private static int firstByte(String s) {
        return s.getBytes(StandardCharsets.UTF_8)[0] & 0xFF;
    }

    private static PhpArray chars(int low, int high, long step, Budget budget) {
        PhpArray result = new PhpArray();
        if (low == high) {
            return result.append(ByteString.decode(String.valueOf((char) low)));
        }
        if (step <= 0) {
            throw new PhpError(STEP_ERROR);
        }
        budget.checkCollection(Math.abs(high - low) / step + 1);
        if (low > high) {
            for (long c = low; c >= high; c -= step) {
                result.append(ByteString.decode(String.valueOf((char) c)));
            }
        } else {
            for (long c = low; c <= high; c += step) {
                result.append(ByteString.decode(String.valueOf((char) c)));
            }
        }
        return result;
    }

    private static PhpArray doubles(double low, double high, double step, Budget budget) {
        if (Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new PhpError(String.format(java.util.Locale.ROOT, "Invalid range supplied: start=%.0f end=%.0f",
                    low, high));
        }
        PhpArray result = new PhpArray();
        if (low == high) {
            return result.append(low);
        }
        if (Math.abs(low - high) < step || step <= 0) {
            throw new PhpError(STEP_ERROR);
        }
        double calculated = Math.abs(low - high) / step + 1;
        budget.checkCollection((long) Math.min(calculated, Long.MAX_VALUE));
        long size = (long) NumberFormatting.round(calculated, 0);
        boolean down = low > high;
        for (long i = 0; i < size; i++) {
            double element = down ? low - (i * step) : low + (i * step);
            if (down ? element < high : element > high) {
                break;
            }
            result.append(element);
        }
        return result;
    }

    private static PhpArray longs(long low, long high, double stepValue, Budget budget) {
        PhpArray result = new PhpArray();
        if (stepValue <= 0) {
            throw new PhpError(STEP_ERROR);
        }
        long step = (long) stepValue;
        if (step <= 0) {
            throw new PhpError(STEP_ERROR);
        }
        if (low == high) {
            return result.append(low);
        }
        long span = low > high ? low - high : high - low;
        if (Long.compareUnsigned(span, step) < 0) {
            throw new PhpError(STEP_ERROR);
        }
        long steps = Long.divideUnsigned(span, step);
        budget.checkCollection(steps < 0 || steps == Long.MAX_VALUE ? Long.MAX_VALUE : steps + 1);
        long size = steps + 1;
        for (long i = 0; i < size; i++) {
            result.append(low > high ? low - i * step : low + i * step);
        }
        return result;
    }
}
