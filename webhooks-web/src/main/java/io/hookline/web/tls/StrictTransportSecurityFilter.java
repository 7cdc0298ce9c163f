package io.hookline.web.tls;

import io.hookline.ejb.setup.DeploymentConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Adds {@link StrictTransportSecurity}'s header to every response (console, API, hooks, the live stream) when
 * {@value StrictTransportSecurity#SETTING} turns it on. It is sent whatever scheme the request arrived with:
 * behind a TLS-terminating proxy the server itself sees plain HTTP, and browsers ignore the header on a
 * plain-HTTP response anyway (RFC 6797, 8.1). The setting is read once, as deployment settings are.
 */
@WebFilter(filterName = "StrictTransportSecurityFilter", urlPatterns = "/*", asyncSupported = true)
public class StrictTransportSecurityFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(StrictTransportSecurityFilter.class.getName());

    private transient Optional<String> value = Optional.empty();

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        value = StrictTransportSecurity.headerValue(DeploymentConfig.get(StrictTransportSecurity.SETTING),
                LOG::warning);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (value.isPresent()) {
            response.setHeader(StrictTransportSecurity.HEADER, value.get());
        }
        chain.doFilter(request, response);
    }
}
