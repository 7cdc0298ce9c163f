package io.hookline.web.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.web.error.ErrorResponses;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers a malformed Content-Type on {@code /hooks/*} with the contract's 400 {@code invalid_payload}.
 * It has to sit in front of JAX-RS: the JAX-RS runtime parses the header while choosing a resource
 * method and fails with the container's HTML error page, which no exception mapper ever sees. Mapped in
 * web.xml, behind {@link HookAccessLog}.
 */
public class MalformedContentTypeFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            HookBodyParser.mediaTypeOf(request.getContentType());
        } catch (HooklineException malformed) {
            byte[] body = Json.createObjectBuilder()
                    .add("id", malformed.id())
                    .add("message", malformed.getMessage())
                    .add("detailed_error", "")
                    .add("request_id", ErrorResponses.newRequestId())
                    .add("status_code", malformed.status())
                    .build().toString().getBytes(StandardCharsets.UTF_8);
            response.setStatus(malformed.status());
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(request, response);
    }
}
