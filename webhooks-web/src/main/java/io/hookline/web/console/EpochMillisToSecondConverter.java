package io.hookline.web.console;

import jakarta.faces.convert.FacesConverter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Epoch-millisecond times to the second, {@code 2026-11-27 14:05:09 UTC}, where minutes are too coarse (a hook's
 * deliveries come seconds apart). Output only.
 */
@FacesConverter("hookline.epochMillisToSecond")
public class EpochMillisToSecondConverter extends EpochMillisConverter {

    static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public EpochMillisToSecondConverter() {
        super(FORMAT);
    }
}
