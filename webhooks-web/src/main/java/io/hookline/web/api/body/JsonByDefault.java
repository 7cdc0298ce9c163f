package io.hookline.web.api.body;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * An {@code /api/v4} request without a Content-Type is JSON, as Mattermost reads every body whatever the header
 * says (curl's {@code --data-binary} and many scripts send none). Without this the runtimes disagree: for a method
 * that consumes JSON, RESTEasy (WildFly) refuses such a request 415 and Jersey (Payara) lets it through to a reader
 * that fails, 400. Before matching, so the runtime chooses the method as if the client had said JSON. A declared
 * Content-Type other than JSON stays the client's word: 415.
 */
@Provider
@PreMatching
public class JsonByDefault implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
