package io.hookline.web.console.a11y;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.Set;
import org.primefaces.component.selectoneradio.SelectOneRadio;
import org.primefaces.component.selectoneradio.SelectOneRadioRenderer;

/**
 * Issue 21: PrimeFaces' p:selectOneRadio in its default (responsive) layout without aria-checked on each option's
 * plain div (no role allows it there: axe "aria-allowed-attr", critical). The checked state is the native radio
 * input's inside the option, which keyboard and screen readers use. Registered in faces-config.xml for
 * PrimeFaces' SelectOneRadioRenderer type.
 */
public class AccessibleSelectOneRadioRenderer extends SelectOneRadioRenderer {

    @Override
    protected void encodeResponsiveLayout(FacesContext context, SelectOneRadio radio, String style) throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        context.setResponseWriter(new DroppingWriter(writer, Set.of("aria-checked")));
        try {
            super.encodeResponsiveLayout(context, radio, style);
        } finally {
            context.setResponseWriter(writer);
        }
    }
}
