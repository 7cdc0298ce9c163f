package io.hookline.web.console;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Shows Mattermost's epoch-millisecond times as {@code 2026-11-27 14:05 UTC}; anything else as text. Output only. */
@FacesConverter("hookline.epochMillis")
public class EpochMillisConverter implements Converter<Object> {

    public static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final DateTimeFormatter format;

    public EpochMillisConverter() {
        this(FORMAT);
    }

    /** The same conversion with another pattern (to the second, for example). */
    protected EpochMillisConverter(DateTimeFormatter format) {
        this.format = format;
    }

    @Override
    public Object getAsObject(FacesContext context, UIComponent component, String value) {
        return value;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Object value) {
        if (value instanceof Number millis) {
            return format.format(Instant.ofEpochMilli(millis.longValue()));
        }
        return value == null ? "" : value.toString();
    }
}
