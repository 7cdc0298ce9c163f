package io.hookline.web.console.charts;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/**
 * Chart.js configurations for PrimeFaces' {@code <p:chart value="…">}, built as JSON (never by string
 * concatenation) and made safe for the inline script PrimeFaces writes them into: that script carries the page's
 * CSP nonce, so any {@code </script>} in a label (a hook's name is the user's text) must not end it. Charts are
 * bars, drawn without animation (so a screenshot or a reader of the canvas sees the final picture, and nothing moves
 * for people who asked for less motion), sized by their container.
 */
public final class ChartConfig {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** One coloured set of bars. */
    public record Bars(String label, List<Long> values, String colour) {}

    private ChartConfig() {}

    /**
     * Bars over time, stacked when there are several sets: one label per bucket on the x axis ({@code xTitle} under
     * it), counts from 0 upwards in whole numbers.
     */
    public static String timeBars(List<String> labels, List<Bars> sets, String xTitle) {
        JsonObjectBuilder x = JSON.createObjectBuilder()
                .add("stacked", true)
                .add("title", title(xTitle))
                .add("ticks", JSON.createObjectBuilder().add("maxRotation", 0).add("autoSkipPadding", 12));
        JsonObjectBuilder y = countAxis().add("stacked", true);
        return config(labels, sets, x, y, "x", sets.size() > 1);
    }

    /** Horizontal bars, one per named thing (a hook), longest first as given. */
    public static String rankBars(List<String> labels, Bars set) {
        JsonObjectBuilder x = countAxis();
        JsonObjectBuilder y = JSON.createObjectBuilder()
                .add("ticks", JSON.createObjectBuilder().add("autoSkip", false));
        return config(labels, List.of(set), x, y, "y", false);
    }

    private static JsonObjectBuilder countAxis() {
        return JSON.createObjectBuilder()
                .add("beginAtZero", true)
                .add("ticks", JSON.createObjectBuilder().add("precision", 0));
    }

    private static JsonObjectBuilder title(String text) {
        return JSON.createObjectBuilder().add("display", !text.isEmpty()).add("text", text);
    }

    private static String config(
            List<String> labels,
            List<Bars> sets,
            JsonObjectBuilder x,
            JsonObjectBuilder y,
            String indexAxis,
            boolean legend) {
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        for (Bars set : sets) {
            JsonArrayBuilder values = JSON.createArrayBuilder();
            set.values().forEach(values::add);
            datasets.add(JSON.createObjectBuilder()
                    .add("label", set.label())
                    .add("data", values)
                    .add("backgroundColor", set.colour())
                    .add("borderWidth", 0));
        }
        JsonArrayBuilder names = JSON.createArrayBuilder();
        labels.forEach(names::add);
        JsonObject config = JSON.createObjectBuilder()
                .add("type", "bar")
                .add("data", JSON.createObjectBuilder().add("labels", names).add("datasets", datasets))
                .add(
                        "options",
                        JSON.createObjectBuilder()
                                .add("indexAxis", indexAxis)
                                .add("responsive", true)
                                .add("maintainAspectRatio", false)
                                .add("animation", false)
                                .add(
                                        "plugins",
                                        JSON.createObjectBuilder()
                                                .add(
                                                        "legend",
                                                        JSON.createObjectBuilder()
                                                                .add("display", legend)
                                                                .add("position", "bottom")))
                                .add(
                                        "scales",
                                        JSON.createObjectBuilder().add("x", x).add("y", y)))
                .build();
        return scriptSafe(config.toString());
    }

    /**
     * JSON that stays JSON (and JavaScript) inside an HTML script element: {@code <}, {@code >} and {@code &} only
     * occur inside strings there, where their escapes mean the same; U+2028 and U+2029 end a line in older
     * JavaScript.
     */
    static String scriptSafe(String json) {
        StringBuilder safe = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
