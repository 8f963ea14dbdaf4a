package io.perscom.webhooks.automation;

import jakarta.enterprise.context.ApplicationScoped;

import io.perscom.webhooks.automation.expression.ExpressionLanguage;
import io.perscom.webhooks.automation.expression.PerscomFunctions;
import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.twig.TwigEngine;
import io.perscom.webhooks.automation.twig.TwigOptions;

/**
 * The two languages PERSCOM automations are written in, configured as PERSCOM configures them: Symfony
 * ExpressionLanguage with PERSCOM's functions for conditions, Twig for templates (with HTML autoescaping for
 * PERSCOM's rendering, without for the typed one), and the bounds every evaluation of tenant code runs under.
 */
@ApplicationScoped
public class AutomationEngines {

    private final ExpressionLanguage conditions;
    private final TwigEngine perscomTemplates;
    private final TwigEngine typedTemplates;
    private final Budget.Limits limits;

    public AutomationEngines(AutomationConfig config) {
        this.limits = Budget.Limits.defaults()
                .withMaxSteps(config.maxSteps())
                .withTimeLimit(config.evaluationTimeout())
                .withMaxStringLength(config.maxRenderedChars())
                .withMaxCollectionSize(config.maxCollectionSize())
                .withMaxDepth(config.maxDepth());
        this.conditions = new ExpressionLanguage(PerscomFunctions.all(), config.maxDepth());
        TwigOptions perscom = TwigOptions.defaults().withWidgetUrl(config.widgetUrl().orElse(null))
                .withMaxNesting(config.maxDepth());
        this.perscomTemplates = new TwigEngine(perscom);
        this.typedTemplates = new TwigEngine(perscom.withAutoescape(false));
    }

    public ExpressionLanguage conditions() {
        return conditions;
    }

    public TwigEngine templates(RenderMode mode) {
        return mode == RenderMode.TYPED ? typedTemplates : perscomTemplates;
    }

    /** A fresh budget for one automation run (condition and template together). */
    public Budget budget() {
        return new Budget(limits);
    }
}
