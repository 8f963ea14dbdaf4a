package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.php.PhpArray;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Template variables ($context); an arrow function's parameters live in a child scope over its creator's. */
final class Scope {
    private final Map<String, Object> vars;
    private final Scope parent;

    Scope(Map<String, Object> initial) {
        this.vars = new LinkedHashMap<>(initial);
        this.parent = null;
    }

    private Scope(Scope parent) {
        this.vars = new HashMap<>(4);
        this.parent = parent;
    }

    Scope child() {
        return new Scope(this);
    }

    boolean has(String name) {
        return vars.containsKey(name) || (parent != null && parent.has(name));
    }

    Object get(String name) {
        Object v = vars.get(name);
        if (v == null && !vars.containsKey(name) && parent != null) {
            return parent.get(name);
        }
        return v;
    }

    void set(String name, Object value) {
        vars.put(name, value);
    }

    /** The variables of this scope level (for-loop and with save/restore them). */
    Map<String, Object> vars() {
        return vars;
    }

    /** A copy of all visible variables, unaffected by later assignments. */
    Scope snapshot() {
        Map<String, Object> all = new LinkedHashMap<>();
        collect(all);
        return new Scope(all);
    }

    private void collect(Map<String, Object> into) {
        if (parent != null) {
            parent.collect(into);
        }
        into.putAll(vars);
    }

    PhpArray toArray() {
        PhpArray out = parent != null ? parent.toArray() : new PhpArray();
        vars.forEach(out::put);
        return out;
    }
}
