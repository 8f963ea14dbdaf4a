package io.perscom.webhooks.automation.php;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The bounds of one evaluation (one template render or one expression evaluation). Not thread-safe: one budget per
 * evaluation, used by one thread. Every check throws {@link LimitExceeded} BEFORE the bounded work happens.
 */
public final class Budget {

    /** How many steps run between two looks at the clock (reading the clock is far dearer than counting). */
    private static final int CLOCK_STRIDE = 1024;

    /**
     * @param maxSteps CPU steps: one per AST node evaluated, loop iteration, regex character read, builtin work unit
     * @param timeLimit wall-clock limit from the budget's creation
     * @param maxStringLength longest string (in chars) any intermediate result may have
     * @param maxCollectionSize most elements any built array may have
     * @param maxDepth deepest nesting (parser and evaluator recursion)
     */
    public record Limits(long maxSteps, Duration timeLimit, long maxStringLength, long maxCollectionSize, int maxDepth) {

        public static final long DEFAULT_MAX_STEPS = 1_000_000;
        public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMillis(250);
        public static final long DEFAULT_MAX_STRING_LENGTH = 1_048_576;
        public static final long DEFAULT_MAX_COLLECTION_SIZE = 100_000;
        public static final int DEFAULT_MAX_DEPTH = 200;

        public static Limits defaults() {
            return new Limits(DEFAULT_MAX_STEPS, DEFAULT_TIME_LIMIT, DEFAULT_MAX_STRING_LENGTH,
                    DEFAULT_MAX_COLLECTION_SIZE, DEFAULT_MAX_DEPTH);
        }

        public Limits withMaxSteps(long steps) {
            return new Limits(steps, timeLimit, maxStringLength, maxCollectionSize, maxDepth);
        }

        public Limits withTimeLimit(Duration limit) {
            return new Limits(maxSteps, limit, maxStringLength, maxCollectionSize, maxDepth);
        }

        public Limits withMaxStringLength(long length) {
            return new Limits(maxSteps, timeLimit, length, maxCollectionSize, maxDepth);
        }

        public Limits withMaxCollectionSize(long size) {
            return new Limits(maxSteps, timeLimit, maxStringLength, size, maxDepth);
        }

        public Limits withMaxDepth(int depth) {
            return new Limits(maxSteps, timeLimit, maxStringLength, maxCollectionSize, depth);
        }
    }

    private final Limits limits;
    private final LongSupplier nanoClock;
    private final long deadlineNanos;
    private long steps;
    private long nextClockCheck = CLOCK_STRIDE;
    private int depth;

    public Budget() {
        this(Limits.defaults());
    }

    public Budget(Limits limits) {
        this(limits, System::nanoTime);
    }

    /** With an injectable clock (nanoseconds, like {@link System#nanoTime()}), for tests. */
    public Budget(Limits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.deadlineNanos = nanoClock.getAsLong() + limits.timeLimit().toNanos();
    }

    public Limits limits() {
        return limits;
    }

    /** Steps used so far. */
    public long steps() {
        return steps;
    }

    /** Steps still available before {@link #tick()} throws. */
    public long remainingSteps() {
        return Math.max(0, limits.maxSteps() - steps);
    }

    public int depth() {
        return depth;
    }

    public void tick() {
        tick(1);
    }

    public void tick(long units) {
        tick(units, "cpu");
    }

    /** Counts {@code units} steps; the {@code kind} is what the {@link LimitExceeded} reports (e.g. "regex"). */
    public void tick(long units, String kind) {
        long add = Math.max(0, units);
        steps = steps > Long.MAX_VALUE - add ? Long.MAX_VALUE : steps + add;
        if (steps > limits.maxSteps()) {
            throw new LimitExceeded(kind, "regex".equals(kind)
                    ? "regular expression exceeds " + limits.maxSteps() + " steps (catastrophic backtracking?)"
                    : "evaluation exceeds " + limits.maxSteps() + " steps");
        }
        if (steps >= nextClockCheck) {
            nextClockCheck = steps + CLOCK_STRIDE;
            checkDeadline();
        }
    }

    /** Looks at the clock now (loops call it on every iteration through {@link #tick()} anyway). */
    public void checkDeadline() {
        if (nanoClock.getAsLong() - deadlineNanos > 0) {
            throw new LimitExceeded("time", "evaluation exceeds " + limits.timeLimit().toMillis() + " ms");
        }
    }

    /** Call BEFORE building a string of {@code length} chars. */
    public void checkString(long length) {
        if (length > limits.maxStringLength()) {
            throw new LimitExceeded("output", "string of " + length + " characters exceeds the limit of "
                    + limits.maxStringLength() + " characters");
        }
    }

    /** Call BEFORE building an array of {@code size} elements. */
    public void checkCollection(long size) {
        if (size > limits.maxCollectionSize()) {
            throw new LimitExceeded("collection", "array of " + size + " elements exceeds the limit of "
                    + limits.maxCollectionSize() + " elements");
        }
    }

    /** Enters one nesting level; pair with {@link #exit()} in a finally block. */
    public void enter() {
        if (depth >= limits.maxDepth()) {
            throw new LimitExceeded("depth", "nesting exceeds " + limits.maxDepth() + " levels");
        }
        depth++;
    }

    public void exit() {
        if (depth > 0) {
            depth--;
        }
    }
}
