package io.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16: the same EAR answers the same on Payara and on WildFly. Runs on whichever server the profile chose and
 * asserts the exact expected answer of each representative request (status, Content-Type, error id and shape, body,
 * the rate-limit, security and cookie headers), so a server that answers differently fails here, whichever it is.
 * <p>
 * On every answer: {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and
 * {@code Referrer-Policy: no-referrer}, each exactly once; {@code Cache-Control: no-store} except on the versioned
 * Faces resources; no {@code Server} or {@code X-Powered-By} header naming the server. What stays different is
 * transport (connection handling, chunking, reason phrases, header name case) and listed in the README.
 * Strict-Transport-Security has its own test (TransportSecurityIT).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerParityIT {

    /** One token a second: the refill interval of the bucket the 429 case sets up. */
    private static final long REFILL_INTERVAL_MS = 1_000;
    /** How often the 429 case sends its three requests again when the machine spread them over a refill. */
    private static final int BURST_ATTEMPTS = 3;

    /** The success body's type, spelled out by HookResource so that no runtime adds or drops the charset. */
    static final String OK_TYPE = "text/plain;charset=UTF-8";

    static final String JSON = "application/json";
    static final String PAGE = "text/html;charset=UTF-8";
    /** What Faces sends for its versioned resources, on both servers (a week). */
    static final String RESOURCE_CACHING = "max-age=604800";
    /** ServiceSettings.MaximumPayloadSizeBytes' default, and the /api/v4 cap's (HOOKLINE_API_MAX_BODY_BYTES). */
    static final int HOOK_MAX_BYTES = 300_000;

    static final int API_MAX_BYTES = ApiBodiesIT.API_MAX_BODY_BYTES;
    /** RateLimitSettings' defaults: a fresh hook's bucket after its first request. */
    static final String HOOK_BURST = "500";

    static final Set<String> ERROR_FIELDS = Set.of("id", "message", "detailed_error", "request_id", "status_code");
    private static final Pattern REQUEST_ID = Pattern.compile("[a-z0-9]{26}");
    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*src=\"([^\"]+\\.js\\.xhtml[^\"]*)\"");
    private static final Pattern STYLE = Pattern.compile("<link[^>]*href=\"([^\"]+console\\.css\\.xhtml[^\"]*)\"");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base = stripSlash(TestServer.baseUrl());

    /** What kind of answer a case gets: decides Cache-Control. */
    enum Kind {
        ANSWER,
        RESOURCE
    }

    /** One representative request and everything its answer must be. */
    record Case(String name, Supplier<HttpRequest> request, Kind kind, Consumer<HttpResponse<byte[]>> expect) {}

    // --- the table ---------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyRepresentativeAnswerIsExactlyTheExpectedOne() {
        HooklineClient admin = ApiFixtures.admin();
        String channelId = ApiFixtures.mainChannelId(admin, "town-square");
        String signedInCookie = ConsoleSession.signIn(HooklineClient.adminUsername(), HooklineClient.adminPassword())
                .cookieHeader();
        List<Case> cases = new ArrayList<>();

        // POST /hooks/{id}: each case on a hook of its own, so each meets a full bucket.
        cases.add(hookCase("hook: JSON posted", admin, channelId, "application/json", "{\"text\":\"parity\"}", ok()));
        cases.add(hookCase(
                "hook: Slack's form payload",
                admin,
                channelId,
                "application/x-www-form-urlencoded",
                "payload={\"text\":\"parity\"}",
                ok()));
        cases.add(hookCase("hook: no Content-Type (JSON)", admin, channelId, null, "{\"text\":\"parity\"}", ok()));
        // Issue 18: the JSON answers of ?wait=true and ?dry_run=true, and JSON sent as a form, alike on both servers.
        cases.add(hookCase(
                "hook: JSON sent as a form",
                admin,
                channelId,
                "application/x-www-form-urlencoded",
                "{\"text\":\"parity\"}",
                ok()));
        cases.add(hookQueryCase(
                "hook: ?wait=true",
                admin,
                channelId,
                "?wait=true",
                status(200)
                        .andThen(type(JSON))
                        .andThen(r -> assertTrue(text(r).contains("\"ts\":\""), text(r)))
                        .andThen(hookBucket())));
        cases.add(hookQueryCase(
                "hook: ?dry_run=true",
                admin,
                channelId,
                "?dry_run=true",
                status(200)
                        .andThen(type(JSON))
                        .andThen(r -> assertTrue(text(r).startsWith("{\"dry_run\":true"), text(r)))
                        .andThen(hookBucket())));
        cases.add(hookQueryCase("hook: ?wait=maybe", admin, channelId, "?wait=maybe", error(400, "invalid_parameter")));
        cases.add(hookCase(
                "hook: malformed JSON",
                admin,
                channelId,
                "application/json",
                "{\"text\":",
                error(400, "invalid_payload").andThen(hookBucket())));
        cases.add(hookCase(
                "hook: a type the hook does not read",
                admin,
                channelId,
                "image/png",
                "x",
                error(400, "invalid_payload").andThen(hookBucket())));
        cases.add(hookCase(
                "hook: unknown channel",
                admin,
                channelId,
                "application/json",
                "{\"text\":\"x\",\"channel\":\"no-such-channel\"}",
                error(404, "channel_not_found").andThen(hookBucket())));
        // Refused by a filter before JAX-RS (and before the rate limits): the headers are there all the same.
        cases.add(hookCase(
                "hook: Content-Type without a media type",
                admin,
                channelId,
                ";",
                "{\"text\":\"x\"}",
                error(400, "invalid_payload")));
        String unknownHook = ApiFixtures.unknownId();
        cases.add(new Case(
                "hook: unknown hook",
                () -> post(
                        "/hooks/" + unknownHook,
                        "application/json",
                        "{\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                        false),
                Kind.ANSWER,
                error(404, "no_service").andThen(hookBucket())));
        byte[] pastHookCap = spaces(HOOK_MAX_BYTES + 1);
        for (boolean chunked : new boolean[] {false, true}) {
            String hookId = ApiFixtures.createHook(admin, channelId).getString("id");
            cases.add(new Case(
                    "hook: body past MaximumPayloadSizeBytes" + (chunked ? ", chunked" : ""),
                    () -> post("/hooks/" + hookId, "application/json", pastHookCap, chunked),
                    Kind.ANSWER,
                    error(413, "payload_too_large").andThen(hookBucket())));
        }
        String someHook = ApiFixtures.createHook(admin, channelId).getString("id");
        cases.add(new Case(
                "hook: GET",
                () -> get("/hooks/" + someHook),
                Kind.ANSWER,
                error(405, "api.context.method_not_allowed.app_error")));

        // /api/v4: Mattermost's error body everywhere; a body without Content-Type is JSON.
        cases.add(new Case(
                "api: ping",
                () -> get("/api/v4/system/ping"),
                Kind.ANSWER,
                status(200).andThen(type(JSON)).andThen(body("{\"status\":\"OK\",\"database_status\":\"OK\"}"))));
        cases.add(new Case(
                "api: no token",
                () -> get("/api/v4/users/me"),
                Kind.ANSWER,
                error(401, "api.context.session_expired.app_error")));
        cases.add(new Case(
                "api: unknown path",
                () -> authorized(admin, get("/api/v4/no/such/path")),
                Kind.ANSWER,
                error(404, "api.context.404.app_error")));
        cases.add(new Case(
                "api: unknown channel",
                () -> authorized(admin, get("/api/v4/channels/" + ApiFixtures.unknownId())),
                Kind.ANSWER,
                error(404, "app.channel.get.existing.app_error")));
        cases.add(new Case(
                "api: malformed JSON",
                () -> authorized(admin, post("/api/v4/teams", "application/json", bytes("{"), false)),
                Kind.ANSWER,
                error(400, ApiBodiesIT.INVALID_BODY)));
        cases.add(new Case(
                "api: a body declared text/plain",
                () -> authorized(admin, post("/api/v4/teams", "text/plain", bytes("{}"), false)),
                Kind.ANSWER,
                error(415, "api.context.unsupported_media_type.app_error")));
        cases.add(new Case(
                "api: wrong method",
                () -> method("PUT", "/api/v4/system/ping"),
                Kind.ANSWER,
                error(405, "api.context.method_not_allowed.app_error")));
        String teamName = ApiFixtures.unique("par");
        cases.add(new Case(
                "api: a body without Content-Type is JSON",
                () -> authorized(
                        admin,
                        post(
                                "/api/v4/teams",
                                null,
                                bytes(ApiFixtures.teamBody(teamName, "O").toString()),
                                false)),
                Kind.ANSWER,
                status(201)
                        .andThen(type(JSON))
                        .andThen(r -> assertEquals(teamName, json(r).getString("name"), text(r)))));
        byte[] pastApiCap = spaces(API_MAX_BYTES + 1);
        pastApiCap[0] = '{';
        for (boolean chunked : new boolean[] {false, true}) {
            // An unfinished object where an array belongs: one runtime's reader stops at the brace.
            cases.add(new Case(
                    "api: body past the cap" + (chunked ? ", chunked" : ""),
                    () -> authorized(admin, post("/api/v4/channels/direct", "application/json", pastApiCap, chunked)),
                    Kind.ANSWER,
                    error(413, ApiBodiesIT.TOO_LARGE)));
        }

        // The console: pages, redirects, error pages, resources.
        cases.add(new Case(
                "console: sign-in page",
                () -> get("/signin.xhtml"),
                Kind.ANSWER,
                status(200).andThen(type(PAGE)).andThen(contentSecurityPolicy()).andThen(sessionCookie(false))));
        cases.add(new Case(
                "console: sign-in redirect",
                () -> get("/console/index.xhtml"),
                Kind.ANSWER,
                redirect(base + "/signin.xhtml")));
        cases.add(new Case(
                "console: the site's root", () -> get("/"), Kind.ANSWER, redirect(base + "/console/index.xhtml")));
        cases.add(new Case(
                "console: signed-in page",
                () -> withCookie(signedInCookie, get("/console/index.xhtml")),
                Kind.ANSWER,
                status(200).andThen(type(PAGE)).andThen(noHeader("Expires")).andThen(noHeader("Pragma"))));
        cases.add(new Case(
                "console: 404 page",
                () -> get("/no-such-page.xhtml"),
                Kind.ANSWER,
                errorPage(404, "There is nothing at this address.")));
        cases.add(new Case(
                "console: 404 page, signed in",
                () -> withCookie(signedInCookie, get("/console/no-such-page.xhtml")),
                Kind.ANSWER,
                errorPage(404, "There is nothing at this address.")));
        cases.add(new Case(
                "console: 404 page for a missing file",
                () -> get("/no-such-file.js"),
                Kind.ANSWER,
                errorPage(404, "There is nothing at this address.")));
        // The 500 page as the container shows it for a failure. The only failure a client can cause today is a form
        // posted without PrimeFaces' CSP nonce (its phase listener throws past Faces' exception handler); the page
        // PrimeFaces then renders has no Content-Security-Policy on Payara (it fails the same way again), so the
        // policy is checked on the page itself below. Should that post become a client error, pick another trigger.
        cases.add(new Case(
                "console: 500 page",
                () -> post(
                        "/signin.xhtml",
                        "application/x-www-form-urlencoded",
                        bytes("signin=signin&jakarta.faces.ViewState=stateless"),
                        false),
                Kind.ANSWER,
                status(500).andThen(type(PAGE)).andThen(pageText("The server could not complete the request."))));
        cases.add(new Case(
                "console: the 500 page itself",
                () -> get("/error/500.xhtml"),
                Kind.ANSWER,
                errorPage(200, "The server could not complete the request.")));
        String signInPage = text(send(get("/signin.xhtml")));
        cases.add(resourceCase("console: PrimeFaces' script", signInPage, SCRIPT, "text/javascript"));
        cases.add(resourceCase("console: Hookline's style sheet", signInPage, STYLE, "text/css"));

        // The OpenAPI document (served by the server's MicroProfile OpenAPI, configured by the application).
        cases.add(new Case(
                "openapi: the document",
                () -> HttpRequest.newBuilder(URI.create(base + "/openapi"))
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                Kind.ANSWER,
                status(200).andThen(type(JSON)).andThen(openApiDocument())));

        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    HttpResponse<byte[]> answer = send(c.request().get());
                    c.expect().accept(answer);
                    commonHeaders(c, answer);
                }));
    }

    // --- cases that change settings or need TLS ----------------------------------------------------------

    @Test
    void aHookPastItsBurstIs429WithRetryAfterAndTheBucketsHeaders() {
        HooklineClient admin = ApiFixtures.admin();
        JsonObject before = ApiFixtures.config(admin).getJsonObject("RateLimitSettings");
        try {
            ApiFixtures.patchConfig(admin, "RateLimitSettings", "PerHookMaxBurst", Json.createValue(2));
            ApiFixtures.patchConfig(admin, "RateLimitSettings", "PerHookPerSec", Json.createValue(1));
            List<HttpResponse<byte[]>> answers = threeRequestsWithinOneRefill();
            Case what = new Case("429", null, Kind.ANSWER, r -> {});
            for (int i = 0; i < 2; i++) {
                HttpResponse<byte[]> passed = answers.get(i);
                error(404, "no_service").accept(passed);
                assertEquals("2", header(passed, "X-RateLimit-Limit"));
                assertEquals(String.valueOf(1 - i), header(passed, "X-RateLimit-Remaining"));
                assertFalse(passed.headers().firstValue("Retry-After").isPresent(), "Retry-After only on a 429");
                commonHeaders(what, passed);
            }
            HttpResponse<byte[]> refused = answers.get(2);
            error(429, "too_many_requests").accept(refused);
            // One request a second refills it: the next one may pass in under a second, rounded up; the bucket is
            // full again two seconds after the first request.
            assertEquals("1", header(refused, "Retry-After"));
            assertEquals("2", header(refused, "X-RateLimit-Limit"));
            assertEquals("0", header(refused, "X-RateLimit-Remaining"));
            assertEquals("2", header(refused, "X-RateLimit-Reset"));
            commonHeaders(what, refused);
        } finally {
            for (String key : List.of("PerHookMaxBurst", "PerHookPerSec")) {
                ApiFixtures.patchConfig(admin, "RateLimitSettings", key, before.get(key));
            }
        }
    }

    /**
     * Three requests to a hook id that names no hook (limited like one that does: 404 while its bucket lasts, then
     * 429), sent within one refill interval of the bucket (1 token a second): on a machine stalled long enough to
     * spread them over a second, a token comes back between them and the headers rightly say so, so the three are
     * sent again to a fresh id, at most {@value #BURST_ATTEMPTS} times.
     */
    private List<HttpResponse<byte[]>> threeRequestsWithinOneRefill() {
        long tookMs = 0;
        for (int attempt = 0; attempt < BURST_ATTEMPTS; attempt++) {
            String hookId = ApiFixtures.unknownId();
            long started = System.nanoTime();
            List<HttpResponse<byte[]>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(send(post("/hooks/" + hookId, "application/json", bytes("{\"text\":\"x\"}"), false)));
            }
            tookMs = (System.nanoTime() - started) / 1_000_000;
            if (tookMs < REFILL_INTERVAL_MS) {
                return answers;
            }
        }
        return fail("three requests took " + tookMs + " ms, more than the bucket's refill interval, " + BURST_ATTEMPTS
                + " times");
    }

    @Test
    void overTlsCookiesAreSecureAndRedirectsStayOnTls() throws Exception {
        HttpClient tls = HttpClient.newBuilder()
                .sslContext(TestServerTls.trustingAnyCertificate())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String tlsBase = TestServer.tlsBaseUrl();
        Case what = new Case("tls", null, Kind.ANSWER, r -> {});

        HttpResponse<byte[]> page = tls.send(
                HttpRequest.newBuilder(URI.create(tlsBase + "/signin.xhtml")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        status(200).andThen(type(PAGE)).andThen(sessionCookie(true)).accept(page);
        commonHeaders(what, page);

        HttpResponse<byte[]> root = tls.send(
                HttpRequest.newBuilder(URI.create(tlsBase + "/")).build(), HttpResponse.BodyHandlers.ofByteArray());
        redirect(tlsBase + "/console/index.xhtml").accept(root);
        commonHeaders(what, root);
        // Faces' flash cookie, set on this redirect: Secure over TLS and HttpOnly on both servers.
        for (String header : root.headers().allValues("Set-Cookie")) {
            SetCookie cookie = SetCookie.parse(header);
            assertTrue(cookie.has("Secure") && cookie.has("HttpOnly"), "over TLS: " + header);
        }
    }

    // --- expectations ------------------------------------------------------------------------------------

    private Case hookCase(
            String name,
            HooklineClient admin,
            String channelId,
            String contentType,
            String body,
            Consumer<HttpResponse<byte[]>> expect) {
        String hookId = ApiFixtures.createHook(admin, channelId).getString("id");
        return new Case(name, () -> post("/hooks/" + hookId, contentType, bytes(body), false), Kind.ANSWER, expect);
    }

    private Case hookQueryCase(
            String name, HooklineClient admin, String channelId, String query, Consumer<HttpResponse<byte[]>> expect) {
        String hookId = ApiFixtures.createHook(admin, channelId).getString("id");
        return new Case(
                name,
                () -> post("/hooks/" + hookId + query, "application/json", bytes("{\"text\":\"parity\"}"), false),
                Kind.ANSWER,
                expect);
    }

    private Case resourceCase(String name, String page, Pattern link, String contentType) {
        Matcher found = link.matcher(page);
        assertTrue(found.find(), name + ": no link in the sign-in page");
        String path = found.group(1).replace("&amp;", "&");
        return new Case(
                name + " (" + path + ")",
                () -> get(path),
                Kind.RESOURCE,
                status(200).andThen(type(contentType)).andThen(r -> assertTrue(r.body().length > 0, "a body")));
    }

    /** Exactly the two bytes {@code ok}, as text/plain;charset=UTF-8, with a fresh hook bucket's headers. */
    private static Consumer<HttpResponse<byte[]>> ok() {
        return status(200)
                .andThen(type(OK_TYPE))
                .andThen(r -> assertEquals("[111, 107]", Arrays.toString(r.body()), "exactly the bytes ok"))
                .andThen(hookBucket())
                .andThen(r -> assertEquals("499", header(r, "X-RateLimit-Remaining"), "a fresh hook's bucket"))
                .andThen(r -> assertEquals("1", header(r, "X-RateLimit-Reset"), "one token short of full"));
    }

    /** Every answer after the rate-limit check names the default hook bucket (the address's holds more). */
    private static Consumer<HttpResponse<byte[]>> hookBucket() {
        return r -> {
            assertEquals(HOOK_BURST, header(r, "X-RateLimit-Limit"));
            assertTrue(header(r, "X-RateLimit-Remaining").matches("\\d+"), "X-RateLimit-Remaining");
            assertTrue(header(r, "X-RateLimit-Reset").matches("\\d+"), "X-RateLimit-Reset");
            assertFalse(r.headers().firstValue("Retry-After").isPresent(), "Retry-After only on a 429");
        };
    }

    private static Consumer<HttpResponse<byte[]>> status(int status) {
        return r -> assertEquals(status, r.statusCode(), () -> excerpt(r));
    }

    private static Consumer<HttpResponse<byte[]>> type(String contentType) {
        return r -> assertEquals(List.of(contentType), r.headers().allValues("Content-Type"), "Content-Type");
    }

    private static Consumer<HttpResponse<byte[]>> body(String exactly) {
        return r -> assertEquals(exactly, text(r));
    }

    private static Consumer<HttpResponse<byte[]>> noHeader(String name) {
        return r -> assertEquals(List.of(), r.headers().allValues(name), name);
    }

    /** Mattermost's error body: exactly its five fields, the status repeated, a 26-character request id. */
    private static Consumer<HttpResponse<byte[]>> error(int status, String id) {
        return status(status).andThen(type(JSON)).andThen(r -> {
            JsonObject error = json(r);
            assertEquals(ERROR_FIELDS, error.keySet(), text(r));
            assertEquals(id, error.getString("id"), text(r));
            assertEquals(status, error.getInt("status_code"), text(r));
            assertEquals("", error.getString("detailed_error"), text(r));
            assertFalse(error.getString("message").isBlank(), text(r));
            assertTrue(REQUEST_ID.matcher(error.getString("request_id")).matches(), text(r));
        });
    }

    /** A 302 to exactly {@code location}, with no body and no Content-Type (the containers' own differ). */
    private static Consumer<HttpResponse<byte[]>> redirect(String location) {
        return status(302).andThen(r -> {
            assertEquals(List.of(location), r.headers().allValues("Location"), "Location");
            assertEquals(0, r.body().length, () -> "no body: " + text(r));
            assertEquals(List.of(), r.headers().allValues("Content-Type"), "no Content-Type");
            assertEquals(List.of(), r.headers().allValues("Content-Language"), "no Content-Language");
        });
    }

    private static Consumer<HttpResponse<byte[]>> errorPage(int status, String text) {
        return status(status)
                .andThen(type(PAGE))
                .andThen(contentSecurityPolicy())
                .andThen(pageText(text));
    }

    /** The page says {@code text}, and nothing of a stack trace. */
    private static Consumer<HttpResponse<byte[]>> pageText(String text) {
        return r -> {
            assertTrue(text(r).contains(text), () -> excerpt(r));
            assertFalse(text(r).contains("Exception"), "no stack trace");
        };
    }

    private static Consumer<HttpResponse<byte[]>> contentSecurityPolicy() {
        return r -> assertTrue(
                header(r, "Content-Security-Policy").startsWith("default-src 'self'; "), "Content-Security-Policy");
    }

    /** The session cookie: HttpOnly, SameSite=Lax, Secure exactly when the request came over TLS. */
    private static Consumer<HttpResponse<byte[]>> sessionCookie(boolean overTls) {
        return r -> {
            List<SetCookie> sessions = r.headers().allValues("Set-Cookie").stream()
                    .map(SetCookie::parse)
                    .filter(c -> c.name().equals("JSESSIONID"))
                    .toList();
            assertEquals(
                    1, sessions.size(), "one session cookie: " + r.headers().allValues("Set-Cookie"));
            SetCookie session = sessions.get(0);
            assertTrue(session.has("HttpOnly"), session.toString());
            assertTrue(session.sameSiteLax(), session.toString());
            assertEquals(overTls, session.has("Secure"), session.toString());
            assertEquals("/", session.attribute("Path").orElse(""), session.toString());
        };
    }

    private Consumer<HttpResponse<byte[]>> openApiDocument() {
        return r -> {
            JsonObject document = json(r);
            assertEquals(
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder().add("url", "/"))
                            .build(),
                    document.getJsonArray("servers"),
                    "one server, relative to the document");
            assertEquals("Hookline API", document.getJsonObject("info").getString("title"));
            JsonObject paths = document.getJsonObject("paths");
            assertTrue(
                    paths.containsKey("/hooks/{id}")
                            && paths.getJsonObject("/hooks/{id}").containsKey("post"),
                    "the hook endpoint, under its own path: " + paths.keySet());
            assertFalse(paths.containsKey("/api/v4/{id}"), "the hook endpoint under the API's path");
            assertTrue(paths.containsKey("/api/v4/users/login"), paths.keySet().toString());
        };
    }

    /** What every answer carries, and what none does. */
    private static void commonHeaders(Case c, HttpResponse<byte[]> r) {
        HttpHeaders headers = r.headers();
        String what = c.name() + " (" + r.statusCode() + ")";
        for (Map.Entry<String, String> expected : Map.of(
                        "X-Content-Type-Options",
                        "nosniff",
                        "X-Frame-Options",
                        "DENY",
                        "Referrer-Policy",
                        "no-referrer")
                .entrySet()) {
            assertEquals(
                    List.of(expected.getValue()),
                    headers.allValues(expected.getKey()),
                    what + ": " + expected.getKey());
        }
        assertEquals(
                List.of(c.kind() == Kind.RESOURCE ? RESOURCE_CACHING : "no-store"),
                headers.allValues("Cache-Control"),
                what + ": Cache-Control");
        assertEquals(List.of(), headers.allValues("Server"), what + ": Server names the server");
        assertEquals(List.of(), headers.allValues("X-Powered-By"), what + ": X-Powered-By names the server");
    }

    // --- requests ----------------------------------------------------------------------------------------

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
    }

    private HttpRequest method(String method, String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
    }

    /** A POST; {@code contentType} null sends none; chunked sends no Content-Length. */
    private HttpRequest post(String path, String contentType, byte[] body, boolean chunked) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .POST(
                        chunked
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.build();
    }

    private static HttpRequest authorized(HooklineClient as, HttpRequest request) {
        return HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", "Bearer " + as.token())
                .build();
    }

    private static HttpRequest withCookie(String cookie, HttpRequest request) {
        return HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Cookie", cookie)
                .build();
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + ": no answer (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    // --- small things ------------------------------------------------------------------------------------

    private static String header(HttpResponse<byte[]> r, String name) {
        List<String> values = r.headers().allValues(name);
        assertEquals(1, values.size(), name + " once: " + values);
        return values.get(0);
    }

    private static JsonObject json(HttpResponse<byte[]> r) {
        try (JsonReader reader = Json.createReader(new StringReader(text(r)))) {
            JsonValue value = reader.readValue();
            assertEquals(JsonValue.ValueType.OBJECT, value.getValueType(), text(r));
            return value.asJsonObject();
        }
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static String excerpt(HttpResponse<byte[]> r) {
        String text = text(r).replaceAll("\\s+", " ");
        return r.statusCode() + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] spaces(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        return body;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
