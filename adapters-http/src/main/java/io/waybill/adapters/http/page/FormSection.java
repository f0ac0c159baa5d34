package io.waybill.adapters.http.page;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lookup form: a tracking number and an optional carrier, sent with GET to {@code /track}, which needs no
 * script. A wrong entry is named at the top (each problem linking to its field) and again at its field, which is
 * marked invalid and described by the message, so that a screen reader reads it with the field. Immutable,
 * thread-safe.
 */
final class FormSection {

    private final Messages messages;

    FormSection(Messages messages) {
        this.messages = messages;
    }

    void write(Html html, Language language, Lookup entry) {
        if (!entry.problems().isEmpty()) {
            html.open("div", "class", "errors", "role", "alert", "aria-labelledby", "errors-heading");
            html.element("h2", messages.get(language, "error.summary"), "id", "errors-heading");
            html.open("ul");
            for (Lookup.Problem problem : entry.problems()) {
                html.open("li").element("a", message(language, problem), "href", "#" + field(problem)).close("li");
            }
            html.close("ul").close("div");
        }
        html.open("form", "class", "lookup", "action", Links.FORM, "method", "get", "role", "search", "aria-label",
                messages.get(language, "form.label"));
        html.open("input", "type", "hidden", "name", "lang", "value", language.tag());
        field(html, language, "number", entry.numberText(), problem(entry, Lookup.Problem.NUMBER_MISSING)
                .or(() -> problem(entry, Lookup.Problem.NUMBER_INVALID)));
        field(html, language, "carrier", entry.carrierText(), problem(entry, Lookup.Problem.CARRIER_INVALID));
        html.element("button", messages.get(language, "form.submit"), "type", "submit");
        html.close("form");
    }

    private void field(Html html, Language language, String name, String value, Optional<Lookup.Problem> problem) {
        String hint = name + "-hint";
        String error = name + "-error";
        html.open("div", "class", problem.isPresent() ? "field invalid" : "field");
        html.element("label", messages.get(language, "form." + name), "for", name);
        html.element("p", messages.get(language, "form." + name + ".hint"), "id", hint, "class", "hint");
        problem.ifPresent(found -> html.element("p", message(language, found), "id", error, "class", "error"));
        html.open("input", "id", name, "name", name, "type", "text", "value", value, "maxlength",
                String.valueOf(Lookup.MAX_SHOWN), "autocomplete", "off", "autocapitalize", "characters",
                "spellcheck", "false", "aria-describedby", problem.isPresent() ? hint + " " + error : hint,
                "aria-invalid", problem.isPresent() ? "true" : null);
        html.close("div");
    }

    private String message(Language language, Lookup.Problem problem) {
        return messages.get(language, "error." + problem.name().toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    private static String field(Lookup.Problem problem) {
        return problem == Lookup.Problem.CARRIER_INVALID ? "carrier" : "number";
    }

    private static Optional<Lookup.Problem> problem(Lookup entry, Lookup.Problem problem) {
        List<Lookup.Problem> problems = entry.problems();
        return problems.contains(problem) ? Optional.of(problem) : Optional.empty();
    }
}
