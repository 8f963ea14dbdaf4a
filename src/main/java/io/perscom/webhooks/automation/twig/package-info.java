/**
 * Twig 3 templates for automations, interpreted natively with the output of PERSCOM's Twig (3.24, {@code autoescape
 * 'html'}, strict variables off, sandbox extension present but not sandboxing).
 *
 * <p>Pipeline: {@link io.perscom.webhooks.automation.twig.Lexer} (Twig's lexer states and whitespace control) ->
 * {@link io.perscom.webhooks.automation.twig.Parser} / {@code ExpressionParser} (Twig's precedence climbing; records in
 * {@code Node}) -> {@code NestingCheck} -> {@link io.perscom.webhooks.automation.twig.Interpreter} (one per render,
 * every node and loop iteration ticks the {@code Budget}). Escaping follows Twig's EscaperNodeVisitor and
 * SafeAnalysisNodeVisitor ({@code Safety}). Filters and functions live in {@code Builtins} and one class per theme
 * (strings, arrays, numbers, dates, escaping, core functions); PHP semantics come from the php package.
 *
 * <p>Refused on purpose (compile error "... is not supported in automation templates (reason)."): tags include,
 * embed, extends, import, from, macro, use, block, sandbox, deprecated, flush; functions include, source, block,
 * parent, constant, template_from_string, dump, enum, enum_cases, ssoJwt; the test "constant"; method calls other
 * than the date whitelist; string callables (e.g. {@code map('strtoupper')}) where Twig takes an arrow function.
 */
package io.perscom.webhooks.automation.twig;
