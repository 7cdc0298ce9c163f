package io.hookline.web.console.a11y;

import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import java.util.Set;

/** Writes what the wrapped writer writes, less the named attributes (a renderer's ARIA that does not belong). */
final class DroppingWriter extends ResponseWriterWrapper {

    private final Set<String> dropped;

    DroppingWriter(ResponseWriter wrapped, Set<String> dropped) {
        super(wrapped);
        this.dropped = dropped;
    }

    @Override
    public void writeAttribute(String name, Object value, String property) throws IOException {
        if (!dropped.contains(name)) {
            super.writeAttribute(name, value, property);
        }
    }
}
