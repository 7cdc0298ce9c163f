package io.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's response headers and session cookie over plain HTTP and over TLS (the server's own https listener,
 * with its self-signed certificate): what issue 6's security section promises.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleHeadersIT {

    static final String TLS_BASE = TestServer.tlsBaseUrl();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @Test
    void consolePagesCarryAStrictContentSecurityPolicyAndHardeningHeaders() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/signin.xhtml"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("default-src 'self'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("object-src 'none'"), csp);
        assertTrue(csp.contains("form-action 'self'"), csp);
        String scriptSrc = csp.substring(csp.indexOf("script-src"));
        assertTrue(scriptSrc.matches("script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+';?"), "script-src: " + scriptSrc);
        assertFalse(scriptSrc.contains("unsafe"), scriptSrc);
        String nonce = scriptSrc.replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertTrue(page.body().contains("nonce=\"" + nonce + "\""), "the page's scripts carry the header's nonce");
        assertFalse(
                page.body().matches("(?s).*<script(?![^>]*\\bnonce=)(?![^>]*\\bsrc=)[^>]*>.*"),
                "no inline script without the nonce");
        assertEquals(
                "nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));

        SetCookie cookie = sessionCookie(page);
        assertTrue(cookie.has("HttpOnly"), cookie.toString());
        assertTrue(cookie.sameSiteLax(), cookie.toString());
        assertFalse(cookie.has("Secure"), "no Secure flag over plain http: " + cookie);
    }

    @Test
    void overTlsTheSessionCookieIsSecure() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(TestServerTls.trustingAnyCertificate())
                .build();
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create(TLS_BASE + "/signin.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        // Attribute names compared as browsers compare them, case-insensitively (RFC 6265): WildFly writes "secure".
        SetCookie cookie = sessionCookie(page);
        assertTrue(cookie.has("Secure"), cookie.toString());
        assertTrue(cookie.has("HttpOnly"), cookie.toString());
        assertTrue(cookie.sameSiteLax(), cookie.toString());
    }

    @Test
    void theApiIgnoresTheConsoleSessionCookie() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/signin.xhtml"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        SetCookie cookie = sessionCookie(page);
        String session = cookie.name() + "=" + cookie.value();
        HttpResponse<String> api = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/v4/users/me"))
                                .header("Cookie", session)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(401, api.statusCode(), "only bearer tokens authenticate the API");
    }

    private static SetCookie sessionCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream()
                .map(SetCookie::parse)
                .filter(c -> c.name().equals("JSESSIONID"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    private static String base() {
        String base = TestServer.baseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
