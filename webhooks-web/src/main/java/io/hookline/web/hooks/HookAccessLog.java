package io.hookline.web.hooks;

import io.hookline.ejb.hook.HookSecrets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hookline's access log for {@code /hooks/*}, one INFO line per request on the {@value #LOGGER} logger:
 * {@code 127.0.0.1 "POST /hooks/abcd…" 200 in=57 ms=3} (remote address, method, path with the hook id
 * masked and no query, status, body bytes read, duration), written from {@link HookExchangeFilter}'s record.
 * The server's own access log writes the raw request line, hook secret and all, so it stays off (README,
 * "Secrets in logs"). A request refused as malformed by the filters in front of {@code /hooks} never reaches
 * it, as on Payara the server's HTTP layer refuses it before any application. Costs nothing while the logger is
 * off.
 */
final class HookAccessLog {

    public static final String LOGGER = "io.hookline.access";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    static final String HOOKS = "/hooks";
    /** Longest method name written; longer ones are cut (a method is a token, but the log is not its place). */
    static final int MAX_METHOD_LENGTH = 16;

    private HookAccessLog() {}

    static boolean enabled() {
        return LOG.isLoggable(Level.INFO);
    }

    static void write(HookExchange exchange) {
        // logp names the source itself: plain info() makes the formatter find the caller by walking the stack.
        LOG.logp(
                Level.INFO,
                HookAccessLog.class.getName(),
                "write",
                line(
                        exchange.remoteAddress(),
                        exchange.method(),
                        maskedPath(exchange.requestUri(), exchange.contextPath()),
                        exchange.accessLogStatus(),
                        exchange.bytesRead(),
                        exchange.millis()));
    }

    static String line(
            String remoteAddress, String method, String maskedPath, int status, long bytesRead, long millis) {
        return remoteAddress + " \"" + safeMethod(method) + " " + maskedPath + "\" " + status + " in=" + bytesRead
                + " ms=" + millis;
    }

    /** The path inside the application, everything after {@code /hooks/} masked (the hook id and anything after it). */
    static String maskedPath(String requestUri, String contextPath) {
        String path = requestUri == null ? "" : requestUri;
        if (contextPath != null && !contextPath.isEmpty() && path.startsWith(contextPath)) {
            path = path.substring(contextPath.length());
        }
        if (!path.startsWith(HOOKS + "/")) {
            return HOOKS;
        }
        String rest = path.substring(HOOKS.length() + 1);
        return rest.isEmpty() ? HOOKS + "/" : HOOKS + "/" + HookSecrets.mask(rest);
    }

    static String safeMethod(String method) {
        if (method == null) {
            return "-";
        }
        StringBuilder safe = new StringBuilder(Math.min(method.length(), MAX_METHOD_LENGTH));
        for (int i = 0; i < method.length() && i < MAX_METHOD_LENGTH; i++) {
            char c = method.charAt(i);
            safe.append(c < 128 && Character.isLetter(c) ? c : '?');
        }
        return safe.toString();
    }
}
