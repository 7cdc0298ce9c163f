package io.hookline.web.console.system;

import io.hookline.api.error.HooklineException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** The System Console pages' messages: a success line, or the service's own words for a refusal. */
final class Notices {

    private Notices() {
    }

    // An empty detail, not null: a null detail reads as the summary, and the template shows both.

    static void done(FacesContext faces, String summary) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, ""));
    }

    static void refused(FacesContext faces, HooklineException e) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), ""));
    }

    /** A message under one field (its client id), failing validation so the page keeps what was typed. */
    static void invalid(FacesContext faces, String clientId, String summary) {
        // p:message shows the detail.
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, summary));
        faces.validationFailed();
    }

    /** A request parameter, or null when absent or blank. */
    static String param(FacesContext faces, String name) {
        String value = faces.getExternalContext().getRequestParameterMap().get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
