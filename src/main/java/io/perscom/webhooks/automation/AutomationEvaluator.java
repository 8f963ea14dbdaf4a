package io.perscom.webhooks.automation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.perscom.webhooks.api.FieldError;
import io.perscom.webhooks.automation.expression.ExpressionSyntaxError;
import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.LimitExceeded;
import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpError;
import io.perscom.webhooks.automation.twig.TwigSyntaxError;
import io.smallrye.mutiny.Uni;

/**
 * Checks and runs an automation's condition and payload template the way PERSCOM's AutomationService does: the
 * condition (when filled) cast to bool, then the template rendered ({@link PayloadTemplate}), or the model itself
 * when the template is blank. Every run is bounded ({@link AutomationEngines#budget()}); a bound reached, a runtime
 * error or anything unexpected is an ordinary failed run with its reason, never an exception to the caller.
 */
@ApplicationScoped
public class AutomationEvaluator {

    private static final Logger LOG = Logger.getLogger(AutomationEvaluator.class);

    /**
     * One automation against one event. {@code data} is the rendered template; null with status executed means the
     * model itself is sent. {@code errorKind}: {@code condition}, {@code template} (an error PERSCOM would raise
     * too), a bound ({@code time}, {@code cpu}, {@code output}, {@code collection}, {@code depth}, {@code regex}) or
     * {@code internal}.
     */
    public record Evaluation(Boolean conditionResult, JsonNode data, String error, String errorKind, long elapsedMs) {

        public AutomationStatus status() {
            if (error != null) {
                return AutomationStatus.FAILED;
            }
            return Boolean.TRUE.equals(conditionResult) ? AutomationStatus.EXECUTED
                    : AutomationStatus.CONDITION_FAILED;
        }

        static Evaluation failed(String error, String errorKind) {
            return new Evaluation(null, null, error, errorKind, 0);
        }
    }

    private final AutomationEngines engines;
    private final ExecutorService evaluations;

    public AutomationEvaluator(AutomationEngines engines, AutomationConfig config) {
        this.engines = engines;
        int threads = config.evaluationThreads()
                .orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        AtomicInteger number = new AtomicInteger();
        this.evaluations = Executors.newFixedThreadPool(Math.max(1, threads), task -> {
            Thread thread = new Thread(task, "automation-evaluation-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        evaluations.shutdownNow();
    }

    /**
     * Evaluates on one of the evaluation threads, never on the event loop; the budget stops the work itself (its
     * clock starts when the evaluation does, not while it waits for a thread).
     */
    public Uni<Evaluation> evaluateOffLoop(String condition, JsonNode template, RenderMode mode, JsonNode context) {
        return Uni.createFrom().item(() -> evaluate(condition, template, mode, context))
                .runSubscriptionOn(evaluations);
    }

    /** Field errors for a condition and template that do not compile (empty when both are fine). */
    public List<FieldError> check(String condition, JsonNode template) {
        List<FieldError> errors = new ArrayList<>();
        if (condition != null && !condition.isBlank()) {
            try {
                engines.conditions().parse(condition, AutomationVariables.NAMES);
            } catch (ExpressionSyntaxError e) {
                errors.add(new FieldError("condition", e.getMessage()));
            } catch (LimitExceeded e) {
                errors.add(new FieldError("condition", e.getMessage()));
            }
        }
        if (!PayloadTemplate.isBlank(template)) {
            PayloadTemplate.forEachString(template, "webhook_payload_template", string -> {
                try {
                    engines.templates(RenderMode.PERSCOM).compile(string.source());
                } catch (TwigSyntaxError | LimitExceeded e) {
                    errors.add(new FieldError(string.path(), e.getMessage()));
                }
            });
        }
        return errors;
    }

    public Evaluation evaluate(String condition, JsonNode template, RenderMode mode, JsonNode context) {
        long started = System.nanoTime();
        Budget budget = engines.budget();
        Boolean holds = null;
        try {
            Map<String, Object> variables = AutomationVariables.of(context);
            holds = condition == null || condition.isBlank() || Php.toBool(
                    engines.conditions().parse(condition, AutomationVariables.NAMES).evaluate(variables, budget));
            JsonNode data = !holds || PayloadTemplate.isBlank(template) ? null
                    : PayloadTemplate.render(template, mode, engines.templates(mode), variables, budget);
            return new Evaluation(holds, data, null, null, elapsed(started));
        } catch (ExpressionSyntaxError e) {
            return new Evaluation(null, null, conditionError(condition, e), "condition", elapsed(started));
        } catch (PhpError e) {
            return holds == null
                    ? new Evaluation(null, null, conditionError(condition, e), "condition", elapsed(started))
                    : new Evaluation(holds, null, e.getMessage(), "template", elapsed(started));
        } catch (LimitExceeded e) {
            return new Evaluation(holds, null, e.getMessage(), e.kind(), elapsed(started));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.errorf(e, "Automation evaluation failed unexpectedly");
            return new Evaluation(holds, null, "internal error: " + e.getClass().getSimpleName(), "internal",
                    elapsed(started));
        }
    }

    /** As PERSCOM's ExpressionEvaluationException words it. */
    private static String conditionError(String condition, Exception error) {
        return "Failed to evaluate expression '" + condition + "': " + error.getMessage();
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
