package io.hookline.web.console;

import io.hookline.api.error.HooklineException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** What every console bean does the same way: show a service's refusal, answer a refused page with its status. */
public final class ConsolePages {

    private ConsolePages() {}

    public static void info(String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, null));
    }

    /** A refused action: the service's own message, which is written for people (never a stack trace). */
    public static void error(HooklineException e) {
        error(e.getMessage());
    }

    public static void error(String summary) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, null));
    }

    /**
     * A page opened for something the caller may not see (403) or that does not exist (404): the
     * response gets that status and the matching error page, and rendering stops.
     */
    public static void refusePage(HooklineException e) {
        int status = e.status() == 403 || e.status() == 404 ? e.status() : 400;
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(status, e.getMessage());
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        faces.responseComplete();
    }

    /** A message under one field (its client id), failing validation so the page keeps what was typed. */
    public static void invalid(String clientId, String summary) {
        FacesContext faces = FacesContext.getCurrentInstance();
        // p:message shows the detail.
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, summary));
        faces.validationFailed();
    }

    /** A request parameter, or null when absent or blank. */
    public static String param(String name) {
        String value = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Redirects to a console page (path from the context root, may carry a query). */
    public static void redirect(String path) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.getFlash().setKeepMessages(true);
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }
}
