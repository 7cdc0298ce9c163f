package io.hookline.web.headers;

import io.hookline.ejb.config.DeploymentConfig;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The {@code Strict-Transport-Security} header Hookline sends when it sits behind TLS, from the deployment
 * setting {@value #SETTING}. Off unless set: a browser that once saw the header refuses plain HTTP to the host
 * for max-age seconds, so only the operator who knows TLS is in front may turn it on. Accepted values:
 * <ul>
 * <li>unset, {@code off}, {@code false}, {@code 0}: no header;</li>
 * <li>{@code on}, {@code true}: {@value #DEFAULT_VALUE};</li>
 * <li>a whole number of seconds N: {@code max-age=N; includeSubDomains};</li>
 * <li>a header value of the form {@code max-age=N[; includeSubDomains][; preload]}: sent as written.</li>
 * </ul>
 * Anything else is refused with a warning and no header, so a typo cannot put a malformed (or injected)
 * header on every response.
 */
public final class StrictTransportSecurity {

    /** Environment variable (or JVM system property) that turns the header on. */
    public static final String SETTING = "HOOKLINE_HSTS";

    public static final String HEADER = "Strict-Transport-Security";
    /** One year, subdomains included: the value commonly recommended once HTTPS is known to work. */
    public static final long DEFAULT_MAX_AGE_SECONDS = 31_536_000;

    public static final String DEFAULT_VALUE = "max-age=" + DEFAULT_MAX_AGE_SECONDS + "; includeSubDomains";
    /** RFC 6797 sets no ceiling; this one keeps a mistyped number from pinning browsers for centuries. */
    public static final long MAX_MAX_AGE_SECONDS = 2L * DEFAULT_MAX_AGE_SECONDS;

    private static final Pattern SECONDS = Pattern.compile("\\d{1,10}");
    private static final Pattern HEADER_VALUE =
            Pattern.compile("max-age=(\\d{1,10})(\\s*;\\s*(includeSubDomains|preload))*", Pattern.CASE_INSENSITIVE);

    private static final Logger LOG = Logger.getLogger(StrictTransportSecurity.class.getName());

    /** The deployment's setting, read (and warned about) once, on first use. */
    private static final class Configured {
        static final Optional<String> VALUE = headerValue(DeploymentConfig.get(SETTING), LOG::warning);
    }

    private StrictTransportSecurity() {}

    /**
     * Sets the header on {@code response} when the deployment turned it on. Called for every answer by
     * {@link SecurityHeaders}, with the other security headers. It is sent whatever scheme
     * the request arrived with: behind a TLS-terminating proxy the server itself sees plain HTTP, and browsers
     * ignore the header on a plain-HTTP response anyway (RFC 6797, 8.1).
     */
    public static void applyTo(HttpServletResponse response) {
        Configured.VALUE.ifPresent(value -> response.setHeader(HEADER, value));
    }

    /** The header's value for a setting, or empty for none (off or invalid; {@code invalid} hears why). */
    public static Optional<String> headerValue(Optional<String> setting, Consumer<String> invalid) {
        if (setting.isEmpty()) {
            return Optional.empty();
        }
        String value = setting.get().trim();
        switch (value.toLowerCase(Locale.ROOT)) {
            case "", "off", "false", "0":
                return Optional.empty();
            case "on", "true":
                return Optional.of(DEFAULT_VALUE);
            default:
                break;
        }
        if (SECONDS.matcher(value).matches()) {
            long seconds = Long.parseLong(value);
            if (seconds <= MAX_MAX_AGE_SECONDS) {
                return Optional.of("max-age=" + seconds + "; includeSubDomains");
            }
        } else {
            var header = HEADER_VALUE.matcher(value);
            if (header.matches() && Long.parseLong(header.group(1)) <= MAX_MAX_AGE_SECONDS) {
                return Optional.of(value);
            }
        }
        invalid.accept(SETTING + " must be off, on, a number of seconds up to " + MAX_MAX_AGE_SECONDS
                + " or a header value like \"" + DEFAULT_VALUE + "\"; sending no " + HEADER + " header");
        return Optional.empty();
    }
}
