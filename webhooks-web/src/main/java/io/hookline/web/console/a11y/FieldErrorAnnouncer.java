package io.hookline.web.console.a11y;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.util.Map;
import org.primefaces.component.message.Message;

/**
 * Issue 21: a form field that failed validation says so to screen readers and names its error. Before a view
 * renders, each {@code <p:message for="x">} of the page looks at its field. A standard (h:) field that failed gets
 * {@code aria-invalid="true"} and {@code aria-describedby} = the message's element id (PrimeFaces renders that
 * element always, as a polite live region); a valid one neither. PrimeFaces' own inputs write both themselves,
 * but aria-invalid only when marked invalid: a field whose page added its message without marking it
 * ({@code ConsolePages.invalid}) is marked here. Registered in faces-config.xml for PreRenderViewEvent; pages need
 * no change.
 */
public class FieldErrorAnnouncer implements SystemEventListener {

    static final String DESCRIBED_BY = "aria-describedby";
    static final String INVALID = "aria-invalid";

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot;
    }

    @Override
    public void processEvent(SystemEvent event) throws AbortProcessingException {
        FacesContext context = FacesContext.getCurrentInstance();
        link(context, (UIComponent) event.getSource());
    }

    private static void link(FacesContext context, UIComponent component) {
        if (component instanceof Message message && message.isRendered()) {
            String forId = message.getFor();
            UIComponent target = forId == null || forId.isBlank() ? null : find(message, forId);
            if (target instanceof UIInput input) {
                // A page's own check (ConsolePages.invalid) adds the field's message without marking the field: it
                // is just as invalid.
                boolean failed = !input.isValid()
                        || context.getMessages(input.getClientId(context)).hasNext();
                if (input.getClass().getName().startsWith("org.primefaces.")) {
                    // PrimeFaces points its inputs at their message itself (aria-describedby) and writes
                    // aria-invalid (and its error border) for a field marked invalid.
                    if (failed && input.isValid()) {
                        input.setValid(false);
                    }
                } else {
                    Map<String, Object> pass = input.getPassThroughAttributes();
                    if (failed) {
                        pass.put(DESCRIBED_BY, message.getClientId(context));
                        pass.put(INVALID, "true");
                    } else {
                        pass.remove(DESCRIBED_BY);
                        pass.remove(INVALID);
                    }
                }
            }
        }
        var children = component.getFacetsAndChildren();
        while (children.hasNext()) {
            link(context, children.next());
        }
    }

    private static UIComponent find(UIComponent from, String id) {
        try {
            return from.findComponent(id);
        } catch (IllegalArgumentException notThere) {
            return null;
        }
    }
}
