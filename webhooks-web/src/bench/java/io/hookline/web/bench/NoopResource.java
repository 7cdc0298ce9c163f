package io.hookline.web.bench;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * Does what {@code HookResource} does at the edges and nothing in between: the same method shape (path id,
 * Content-Type header, body stream), reads the whole body, answers {@code ok}. No rate limit, parsing,
 * database or event: what is left is the cost of the server and JAX-RS for one hook-sized request.
 */
@Path("{id}")
@RequestScoped
public class NoopResource {

    @POST
    public Response post(
            @PathParam("id") String hookId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body)
            throws IOException {
        // Read into memory to the end, as the hook path does before parsing.
        body.readAllBytes();
        return Response.ok("ok", MediaType.TEXT_PLAIN_TYPE).build();
    }
}
