package io.hookline.web.console.a11y;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.Set;
import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * Issue 21: PrimeFaces' p:messages, with each message a plain list item. PrimeFaces gives every {@code <li>} of its
 * {@code <ul>} role="alert", which takes the item out of the list (axe: "list", serious); the messages' container
 * is already a polite live region (aria-live), so screen readers still announce them. Registered in
 * faces-config.xml for PrimeFaces' MessagesRenderer type.
 */
public class AccessibleMessagesRenderer extends MessagesRenderer {

    @Override
    protected void encodeMessage(
            ResponseWriter writer, Messages uiMessages, FacesMessage message, String severity, boolean escape)
            throws IOException {
        super.encodeMessage(new DroppingWriter(writer, Set.of("role")), uiMessages, message, severity, escape);
    }
}
