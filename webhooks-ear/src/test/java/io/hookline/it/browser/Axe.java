package io.hookline.it.browser;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * axe-core (Deque's accessibility engine, the script its Selenium integration ships as {@code axe.min.js}) run
 * in the page the browser shows: injected through WebDriver (a DevTools call, which the console's
 * Content-Security-Policy does not apply to), then {@code axe.run} with the WCAG 2.0/2.1 A and AA rules.
 */
final class Axe {

    /** The rule sets run: WCAG 2.0 and 2.1, levels A and AA. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** The impacts that fail a page. */
    static final List<String> FAILING = List.of("serious", "critical");

    private static final String SOURCE = load();

    private static final String RUN = "var done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            + ".then(function (r) { done(JSON.stringify(r.violations.map(function (v) {"
            + "  return {id: v.id, impact: v.impact || 'minor', help: v.help, nodes: v.nodes.map(function (n) {"
            + "    return {target: n.target.join(' '), html: n.html, summary: n.failureSummary || ''}; })}; }))); },"
            + " function (e) { done('ERROR ' + e); });";

    record Node(String target, String html, String summary) {}

    record Violation(String page, String rule, String impact, String help, List<Node> nodes) {

        boolean failing() {
            return FAILING.contains(impact);
        }

        String describe() {
            StringBuilder out = new StringBuilder();
            out.append(page)
                    .append(": ")
                    .append(rule)
                    .append(" (")
                    .append(impact)
                    .append(", ")
                    .append(nodes.size())
                    .append(" elements) ")
                    .append(help);
            for (Node node : nodes) {
                out.append("\n      ").append(node.target());
                String summary = node.summary().replace('\n', ' ');
                if (!summary.isEmpty()) {
                    out.append("  -- ").append(summary.length() > 220 ? summary.substring(0, 220) + "…" : summary);
                }
            }
            return out.toString();
        }
    }

    private Axe() {}

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation axe finds in the page now shown, of any impact, named {@code page}. */
    static List<Violation> run(Browser browser, String page) {
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        // The page as a person reads it, not halfway through a button's fade back from its AJAX-disabled state.
        browser.settle();
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object';"))) {
            browser.script(SOURCE);
        }
        Object answer = browser.driver().executeAsyncScript(RUN, TAGS);
        String text = String.valueOf(answer);
        if (text.startsWith("ERROR")) {
            throw new AssertionError(page + ": axe failed: " + text);
        }
        List<Violation> found = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonArray violations = reader.readArray();
            for (JsonValue value : violations) {
                JsonObject v = value.asJsonObject();
                List<Node> nodes = new ArrayList<>();
                for (JsonValue n : v.getJsonArray("nodes")) {
                    JsonObject node = n.asJsonObject();
                    nodes.add(new Node(
                            node.getString("target"), node.getString("html", ""), node.getString("summary", "")));
                }
                found.add(new Violation(page, v.getString("id"), v.getString("impact"), v.getString("help"), nodes));
            }
        }
        return found;
    }

    /** "serious 3, critical 1" style counts of the elements per impact. */
    static String counts(List<Violation> violations) {
        Map<String, Integer> byImpact = new TreeMap<>();
        for (Violation v : violations) {
            byImpact.merge(v.impact(), v.nodes().size(), Integer::sum);
        }
        return byImpact.isEmpty() ? "none" : byImpact.toString();
    }
}
