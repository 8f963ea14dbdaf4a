package io.perscom.webhooks.automation.engine;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.ExtensionCustomizer;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * Compiles and evaluates automation conditions and template strings with Pebble, whose syntax follows Twig (and so
 * Symfony ExpressionLanguage for the expressions PERSCOM admins write). Locked down: no method calls on any object
 * (so no class, file, network or environment access), no statements ({@code {% %}}: no loops), only the functions
 * listed here, bounded output. Compiled templates are cached by source.
 */
public final class ExpressionEngine {

    static final long REGEX_BUDGET_NANOS = 50_000_000L;
    public static final int MAX_CONDITION = 2000;

    private static final Set<String> ALLOWED_FUNCTIONS = Set.of("in_array", ExpressionFunctions.CONTAINS_FUNCTION,
            "starts_with", "ends_with", "changed", "old_value", "new_value", "blank", "filled",
            ExpressionFunctions.CAPTURE, "min", "max");
    private static final Pattern CONTAINS_CALL = Pattern.compile("\\bcontains\\s*\\(");
    private static final Pattern SINGLE_EXPRESSION = Pattern.compile("^\\s*\\{\\{(.*)}}\\s*$", Pattern.DOTALL);

    private final PebbleEngine pebble;
    private final int maxRenderedChars;

    public ExpressionEngine(int maxRenderedChars) {
        this.maxRenderedChars = maxRenderedChars;
        this.pebble = new PebbleEngine.Builder()
                .loader(new StringLoader())
                .autoEscaping(false)
                .strictVariables(false)
                .newLineTrimming(false)
                .methodAccessValidator((object, method) -> false)
                .maxRenderedSize(maxRenderedChars)
                .extension(new ExpressionFunctions())
                .registerExtensionCustomizer(OnlyAllowedFunctions::new)
                .build();
    }

    /** Checks that a condition parses; blank conditions are always true. */
    public void checkCondition(String condition) throws ExpressionError {
        if (condition != null && !condition.isBlank()) {
            compile(captureOf(condition));
        }
    }

    /** Checks one template string. */
    public void checkTemplate(String template) throws ExpressionError {
        compile(typedTemplate(template));
    }

    public boolean condition(String condition, Map<String, Object> context) throws ExpressionError {
        if (condition == null || condition.isBlank()) {
            return true;
        }
        return truthy(capture(captureOf(condition), context));
    }

    /**
     * Renders one template string. A string that is exactly one {@code {{ expr }}} gives the expression's value
     * with its own type (number, boolean, map, list, null); any other string renders to a string.
     */
    public Object render(String template, Map<String, Object> context) throws ExpressionError {
        Matcher single = SINGLE_EXPRESSION.matcher(template);
        if (single.matches() && !single.group(1).contains("{{") && !single.group(1).contains("}}")) {
            return capture(captureOf(single.group(1)), context);
        }
        StringWriter out = new StringWriter();
        evaluate(compile(typedTemplate(template)), context, out);
        if (out.getBuffer().length() > maxRenderedChars) {
            throw new ExpressionError("renders to more than " + maxRenderedChars + " characters", null);
        }
        return out.toString();
    }

    private static String captureOf(String expression) throws ExpressionError {
        rejectStatements(expression);
        if (expression.length() > MAX_CONDITION) {
            throw new ExpressionError("is longer than " + MAX_CONDITION + " characters", null);
        }
        return "{{ " + ExpressionFunctions.CAPTURE + "(" + renameContains(expression) + ") }}";
    }

    private static String typedTemplate(String template) throws ExpressionError {
        rejectStatements(template);
        return renameContains(template);
    }

    private static void rejectStatements(String source) throws ExpressionError {
        if (source.contains("{%") || source.contains("{#")) {
            throw new ExpressionError("statements ({% %}) and comments ({# #}) are not supported; "
                    + "use {{ expression }}", null);
        }
        FunctionCheck.check(renameContains(source), ALLOWED_FUNCTIONS);
    }

    /** Symfony's {@code contains(a, b)} function clashes with Pebble's {@code contains} operator. */
    private static String renameContains(String source) {
        return CONTAINS_CALL.matcher(source).replaceAll(ExpressionFunctions.CONTAINS_FUNCTION + "(");
    }

    private Object capture(String template, Map<String, Object> context) throws ExpressionError {
        Object[] slot = new Object[1];
        Map<String, Object> withSlot = new HashMap<>(context);
        withSlot.put(ExpressionFunctions.CAPTURE_SLOT, slot);
        evaluate(compile(template), withSlot, new StringWriter());
        return slot[0];
    }

    private PebbleTemplate compile(String source) throws ExpressionError {
        try {
            return pebble.getLiteralTemplate(source);
        } catch (PebbleException e) {
            throw error(e);
        }
    }

    private static void evaluate(PebbleTemplate template, Map<String, Object> context, StringWriter out)
            throws ExpressionError {
        try {
            template.evaluate(out, context);
        } catch (PebbleException e) {
            throw error(e);
        } catch (IOException | RuntimeException e) {
            throw new ExpressionError(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), null);
        }
    }

    private static ExpressionError error(PebbleException e) {
        String message = e.getPebbleMessage() != null ? e.getPebbleMessage() : e.getMessage();
        message = message.replace(ExpressionFunctions.CAPTURE + "(", "(")
                .replace(ExpressionFunctions.CONTAINS_FUNCTION, "contains");
        return new ExpressionError(message, e.getLineNumber());
    }

    /** PHP's truthiness, which Symfony conditions follow. */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof CharSequence s) {
            return !s.isEmpty() && !"0".contentEquals(s);
        }
        return !ExpressionFunctions.blank(value);
    }

    /** Drops every core function that is not on the allow-list ({@code range} could build huge lists). */
    private static final class OnlyAllowedFunctions extends ExtensionCustomizer {
        OnlyAllowedFunctions(Extension extension) {
            super(extension);
        }

        @Override
        public Map<String, Function> getFunctions() {
            Map<String, Function> functions = super.getFunctions();
            if (functions == null) {
                return null;
            }
            return functions.entrySet().stream().filter(e -> ALLOWED_FUNCTIONS.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }
}
