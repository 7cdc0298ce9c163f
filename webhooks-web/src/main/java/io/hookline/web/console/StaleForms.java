package io.hookline.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * A form posted back after its view expired (a page left open past the session, a sign-in elsewhere) is the
 * visitor's situation, not a server fault: the "expired" page answers it with {@value #STATUS}, where the
 * container's error-page dispatch for an exception would send 500 (which monitoring counts as our failure).
 * An ajax post keeps its 200: the page's script only applies a partial response that comes with one.
 */
@Named
@ApplicationScoped
public class StaleForms {

    /** The status of the expired page for a plain (non-ajax) post. */
    public static final int STATUS = 400;

    /** Called as the expired page renders. */
    public void answerAsClientError() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!faces.getPartialViewContext().isAjaxRequest()) {
            faces.getExternalContext().setResponseStatus(STATUS);
        }
    }
}
