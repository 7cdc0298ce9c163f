package io.hookline.web.console;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Iterator;

/**
 * A plain form posted back after its view expired (a page left open past the session, a sign-in elsewhere) is the
 * visitor's situation, not a server fault: it is answered with a redirect to a fresh copy of the same page, which
 * says what happened, instead of the container's error page for an exception, which came with a 500 (and could
 * not even render for a post without PrimeFaces' nonce). Nothing of the stale form is applied. Ajax posts are
 * left to OmniFaces' FullAjaxExceptionHandler, which shows the "expired" page inside the partial response.
 */
public class StaleFormHandler extends ExceptionHandlerWrapper {

    /** What the fresh page shows (the "expired" page's own words). */
    static final String MESSAGE = "This page has expired: it was open too long or you signed in again elsewhere, "
            + "so its form no longer counts. Nothing was changed; please try again.";

    public StaleFormHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && !faces.getPartialViewContext().isAjaxRequest() && !faces.getResponseComplete()) {
            Iterator<ExceptionQueuedEvent> events =
                    getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                if (isViewExpired(events.next().getContext().getException())) {
                    events.remove();
                    redirectToFreshView(faces);
                    break;
                }
            }
        }
        getWrapped().handle();
    }

    private static boolean isViewExpired(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }

    /** The same address, fetched anew (POST, redirect, GET), with the explanation carried in the flash. */
    private static void redirectToFreshView(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String query = request.getQueryString();
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, MESSAGE, null));
        try {
            external.redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
        } catch (IOException e) {
            throw new FacesException(e);
        }
        faces.responseComplete();
    }
}
