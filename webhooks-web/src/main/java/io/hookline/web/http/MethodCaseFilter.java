package io.hookline.web.http;

import io.hookline.web.error.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code post /hooks/{id}} is not a POST (RFC 9110 9.1: methods are case-sensitive). Payara's JAX-RS runtime
 * answers such a method 405; WildFly's matches methods ignoring case and would store the post. This filter,
 * on the two JAX-RS applications ({@code /hooks/*}, {@code /api/v4/*}), gives WildFly Payara's answer:
 * 405 with Mattermost's error body, as the JAX-RS exception mapper writes it for any unknown method.
 */
public class MethodCaseFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (RequestHeadRules.isCaseVariantOfStandardMethod(request.getMethod())) {
            ErrorResponses.write(
                    response,
                    HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    "api.context.method_not_allowed.app_error",
                    "Method Not Allowed");
            return;
        }
        chain.doFilter(request, response);
    }
}
