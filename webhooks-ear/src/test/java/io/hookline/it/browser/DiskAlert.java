package io.hookline.it.browser;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * The Slack attachment the browser tests post to see attachments drawn: Prometheus' "Disk usage 91%" alert, with
 * its colour, pretext, author, title, text, fields, footer and time. A test adds what else it looks at (icons, an
 * image).
 */
final class DiskAlert {

    private DiskAlert() {}

    /** The alert with these {@code fields} (see {@link #field}). */
    static JsonObjectBuilder attachment(JsonArrayBuilder fields) {
        return Json.createObjectBuilder()
                .add("fallback", "Disk almost full")
                .add("color", "danger")
                .add("pretext", "*Alert* from prod")
                .add("author_name", "Prometheus")
                .add("author_link", "https://prometheus.example/")
                .add("title", "Disk usage 91%")
                .add("title_link", "https://grafana.example/d/1")
                .add("text", "Volume `/var` on **db-1**")
                .add("fields", fields)
                .add("footer", "Alertmanager")
                .add("ts", 1_700_000_000);
    }

    /** One of an attachment's fields; short ones share a row. */
    static JsonObjectBuilder field(String title, String value, boolean isShort) {
        return Json.createObjectBuilder()
                .add("title", title)
                .add("value", value)
                .add("short", isShort);
    }
}
