package io.hookline.web.console;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Epoch-millisecond times to the second, {@code 2026-11-27 14:05:09 UTC}, where minutes are too coarse (a hook's
 * deliveries come seconds apart). Output only.
 */
@FacesConverter("hookline.epochMillisToSecond")
public class EpochMillisToSecondConverter implements Converter<Object> {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Override
    public Object getAsObject(FacesContext context, UIComponent component, String value) {
        return value;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Object value) {
        if (value instanceof Number millis) {
            return FORMAT.format(Instant.ofEpochMilli(millis.longValue()));
        }
        return value == null ? "" : value.toString();
    }
}
