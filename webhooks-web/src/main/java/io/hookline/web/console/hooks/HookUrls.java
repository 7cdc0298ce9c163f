package io.hookline.web.console.hooks;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A hook's full URL as integrations must call it: this server's scheme, host and port as the browser
 * reached the console, then {@code /hooks/{id}}. (Behind a proxy, configure it to pass the public host.)
 */
@Named
@RequestScoped
public class HookUrls {

    @Inject
    private HttpServletRequest request;

    public String of(String hookId) {
        return base() + hookId;
    }

    /** Everything before the hook id: {@code scheme://host:port/context/hooks/} (the list breaks the URL there). */
    public String base() {
        String url = request.getRequestURL().toString();
        String origin = url.substring(0, url.length() - request.getRequestURI().length());
        return origin + request.getContextPath() + "/hooks/";
    }
}
