package io.perscom.webhooks.automation.php;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PCRE pattern as preg_match takes it ({@code /^a.+$/i}, {@code #..#}, {@code {..}}), translated to
 * java.util.regex. Every match runs over a {@link StepCountingCharSequence}, so each character the engine reads
 * costs one budget step and catastrophic backtracking stops with a {@link LimitExceeded} of kind "regex".
 *
 * <p>Without the {@code u} modifier PCRE matches bytes: the subject is then matched as its UTF-8 bytes (one char
 * per byte), exactly like PHP, and results are decoded back.
 */
public final class PhpRegex {

    private static final int CACHE_SIZE = 256;
    private static final Map<String, PhpRegex> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PhpRegex> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    private final String source;
    private final Pattern pattern;
    private final boolean utf8;
    private final List<String> groupNames;

    private PhpRegex(String source, RegexTranslation translation) {
        this.source = source;
        this.pattern = translation.pattern();
        this.utf8 = translation.utf8();
        this.groupNames = translation.groupNames();
    }

    /**
     * Compiles (or takes from a bounded cache) a delimited PCRE pattern.
     *
     * @throws PhpError with PHP's warning text, e.g. "preg_match(): No ending delimiter '/' found"
     */
    public static PhpRegex compile(String pcre) {
        PhpRegex cached = CACHE.get(pcre);
        if (cached != null) {
            return cached;
        }
        PhpRegex compiled = new PhpRegex(pcre, RegexTranslator.translate(pcre));
        CACHE.put(pcre, compiled);
        return compiled;
    }

    /** The delimited PCRE source. */
    public String source() {
        return source;
    }

    /** The translated java.util.regex pattern. */
    public Pattern javaPattern() {
        return pattern;
    }

    /** {@code preg_match($pattern, $subject) === 1}. */
    public boolean matches(String subject, Budget budget) {
        return run(subject, budget, Matcher::find);
    }

    /**
     * {@code preg_match($pattern, $subject, $matches)}: the $matches array (numbered groups, and named groups under
     * their name before their number; trailing unmatched groups omitted, inner ones ""), or null on no match.
     */
    public PhpArray match(String subject, Budget budget) {
        String input = toInput(subject);
        Matcher matcher = pattern.matcher(new StepCountingCharSequence(input, budget));
        if (!guard(matcher::find)) {
            return null;
        }
        return groups(matcher);
    }

    /** {@code preg_replace($pattern, $replacement, $subject, $limit)} with $n / ${n} / \\n references; limit -1 = all. */
    public String replace(String subject, String replacement, long limit, Budget budget) {
        String input = toInput(subject);
        String template = toInput(replacement);
        Matcher matcher = pattern.matcher(new StepCountingCharSequence(input, budget));
        StringBuilder out = new StringBuilder();
        int last = 0;
        long count = 0;
        while ((limit < 0 || count < limit) && guard(matcher::find)) {
            out.append(input, last, matcher.start());
            RegexReplacement.append(out, template, matcher, budget);
            budget.checkString(out.length());
            last = matcher.end();
            count++;
        }
        budget.checkString((long) out.length() + input.length() - last);
        out.append(input, last, input.length());
        return fromInput(out.toString());
    }

    /** {@code preg_split($pattern, $subject, $limit)} without flags; limit -1 or 0 = no limit. */
    public PhpArray split(String subject, long limit, Budget budget) {
        String input = toInput(subject);
        Matcher matcher = pattern.matcher(new StepCountingCharSequence(input, budget));
        PhpArray parts = new PhpArray();
        long max = limit <= 0 ? Long.MAX_VALUE : limit;
        int last = 0;
        while (parts.size() < max - 1 && guard(matcher::find)) {
            if (matcher.end() == 0 && matcher.start() == 0 && input.isEmpty()) {
                break;
            }
            budget.checkCollection(parts.size() + 1L);
            parts.append(fromInput(input.substring(last, matcher.start())));
            last = matcher.end();
        }
        parts.append(fromInput(input.substring(last)));
        return parts;
    }

    private PhpArray groups(Matcher matcher) {
        PhpArray result = new PhpArray();
        int lastMatched = 0;
        for (int g = 0; g <= matcher.groupCount(); g++) {
            if (matcher.start(g) >= 0) {
                lastMatched = g;
            }
        }
        for (int g = 0; g <= lastMatched; g++) {
            String value = matcher.group(g);
            String decoded = value == null ? "" : fromInput(value);
            String name = g < groupNames.size() ? groupNames.get(g) : "";
            if (!name.isEmpty()) {
                result.put(name, decoded);
            }
            result.put((long) g, decoded);
        }
        return result;
    }

    private boolean run(String subject, Budget budget, java.util.function.Predicate<Matcher> action) {
        Matcher matcher = pattern.matcher(new StepCountingCharSequence(toInput(subject), budget));
        return guard(() -> action.test(matcher));
    }

    private static boolean guard(java.util.function.BooleanSupplier search) {
        try {
            return search.getAsBoolean();
        } catch (StackOverflowError deep) {
            throw new LimitExceeded("regex", "regular expression recursion too deep for the subject");
        }
    }

    private String toInput(String s) {
        return utf8 ? s : ByteString.encode(s);
    }

    private String fromInput(String s) {
        return utf8 ? s : ByteString.decode(s);
    }
}
