package io.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Issue 15: with {@code HOOKLINE_HSTS=on} (which webhooks-ear/pom.xml gives the IT server; the setting is off by
 * default, see StrictTransportSecurityTest) every kind of response carries Strict-Transport-Security: console
 * pages, the sign-in redirect, error pages, API answers and refusals, hook answers and refusals.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransportSecurityIT {

    /** What {@code HOOKLINE_HSTS=on} sends: a year, subdomains included. */
    static final String EXPECTED = "max-age=31536000; includeSubDomains";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @Test
    void everyKindOfResponseCarriesTheHeader() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<HttpRequest> requests = List.of(
                get("/signin.xhtml"),
                get("/console/hooks/index.xhtml"),
                get("/no-such-page.xhtml"),
                get("/no-such-file.txt"),
                get("/api/v4/system/ping"),
                get("/api/v4/users/me"),
                HttpRequest.newBuilder(URI.create(base() + "/hooks/" + ApiFixtures.unknownId()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}"))
                        .build(),
                HttpRequest.newBuilder(URI.create(base() + "/hooks/" + ApiFixtures.unknownId()))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build());
        for (HttpRequest request : requests) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(
                    EXPECTED,
                    response.headers().firstValue("Strict-Transport-Security").orElse("(none)"),
                    request.method() + " " + request.uri() + " answered " + response.statusCode());
        }
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).GET().build();
    }

    private static String base() {
        String base = TestServer.baseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
