package io.hookline.web.console.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.web.console.charts.ChartConfig.Bars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chart.js configurations: the data as given, and no way for a label to end the inline script they are written into. */
class ChartConfigTest {

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void timeBarsStackTheirSetsOverOneLabelPerBucket() {
        JsonObject config = parse(ChartConfig.timeBars(
                List.of("14:00", "14:01"),
                List.of(new Bars("ok", List.of(3L, 0L), "#2f6fde"), new Bars("errors", List.of(1L, 2L), "#c2410c")),
                "UTC"));
        assertEquals("bar", config.getString("type"));
        assertEquals(
                List.of("14:00", "14:01"),
                config.getJsonObject("data").getJsonArray("labels").getValuesAs(jakarta.json.JsonString::getString));
        JsonObject errors =
                config.getJsonObject("data").getJsonArray("datasets").getJsonObject(1);
        assertEquals("errors", errors.getString("label"));
        assertEquals(2, errors.getJsonArray("data").getJsonNumber(1).longValue());
        JsonObject options = config.getJsonObject("options");
        assertTrue(options.getJsonObject("scales").getJsonObject("x").getBoolean("stacked"));
        assertFalse(options.getBoolean("animation"));
        assertFalse(options.getBoolean("maintainAspectRatio"));
        assertTrue(options.getJsonObject("plugins").getJsonObject("legend").getBoolean("display"));
        assertEquals(
                "UTC",
                options.getJsonObject("scales")
                        .getJsonObject("x")
                        .getJsonObject("title")
                        .getString("text"));
    }

    @Test
    void rankBarsAreHorizontalWithoutALegend() {
        JsonObject config =
                parse(ChartConfig.rankBars(List.of("CI", "Alerts"), new Bars("Posts", List.of(9L, 4L), "#000")));
        assertEquals("y", config.getJsonObject("options").getString("indexAxis"));
        assertFalse(config.getJsonObject("options")
                .getJsonObject("plugins")
                .getJsonObject("legend")
                .getBoolean("display"));
    }

    @Test
    void aLabelCannotEndTheScriptItIsWrittenInto() {
        String hostile = "</script><script>alert(1)</script> & \u2028";
        String json = ChartConfig.rankBars(List.of(hostile), new Bars("Posts", List.of(1L), "#000"));
        assertFalse(json.contains("<"), json);
        assertFalse(json.contains(">"), json);
        assertFalse(json.contains("&"), json);
        assertFalse(json.contains("\u2028"), json);
        // Still the same text once parsed, as Chart.js will read it.
        assertEquals(
                hostile,
                parse(json).getJsonObject("data").getJsonArray("labels").getString(0));
    }
}
