package io.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15 point 8 and issue 22: request bodies on {@code /api/v4}. Every endpoint that takes a body, as the served
 * OpenAPI document lists them (so a new endpoint cannot be forgotten), answers a malformed body, a JSON value of the
 * wrong type, invalid UTF-8 and an empty body with 400 {@value #INVALID_BODY}; a body one byte past the cap
 * (declared, or chunked) with 413 {@value #TOO_LARGE}, and one exactly at the cap is read (and refused as
 * malformed, not as too large). Sign-in and sign-up are capped without a token. And a form posted to an expired
 * Faces view is redirected to a fresh copy of its page, not answered with a 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiBodiesIT {

    /** ApiBodyLimitFilter.DEFAULT_MAX_BODY_BYTES (HOOKLINE_API_MAX_BODY_BYTES unset): 1 MiB. */
    static final int API_MAX_BODY_BYTES = 1_048_576;

    static final String INVALID_BODY = "api.context.invalid_body_param.app_error";
    static final String TOO_LARGE = "api.context.request_body_too_large.app_error";

    /** What the API takes bodies on today; the OpenAPI document must list at least these. */
    static final Set<String> KNOWN_BODY_ENDPOINTS = Set.of(
            "POST /api/v4/users/login",
            "POST /api/v4/users",
            "POST /api/v4/users/{user_id}/tokens",
            "POST /api/v4/users/tokens/revoke",
            "POST /api/v4/teams",
            "POST /api/v4/teams/{team_id}/members",
            "POST /api/v4/channels",
            "POST /api/v4/channels/direct",
            "POST /api/v4/channels/{channel_id}/members",
            "PUT /api/v4/config/patch",
            "POST /api/v4/hooks/incoming",
            "PUT /api/v4/hooks/incoming/{hook_id}");
    /** Callable without a token: their cap must hold for anyone. */
    static final Set<String> PUBLIC_BODY_ENDPOINTS = Set.of("POST /api/v4/users/login", "POST /api/v4/users");

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");
    /** PrimeFaces' per-view CSP nonce, which its script sends with every postback. */
    private static final Pattern NONCE = Pattern.compile("<script[^>]*nonce=\"([^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base = stripSlash(TestServer.baseUrl());
    private String adminToken;

    /** One endpoint of the document: method, path template, and whether its body is a JSON array. */
    /**
     * Endpoints whose body may be left out (openapi.yaml: {@code required: false}), so none, or JSON null, asks for
     * the defaults. Named here: the served document does not carry {@code required: false} the same way on both
     * servers.
     */
    static final Set<String> OPTIONAL_BODY_ENDPOINTS = Set.of("POST /api/v4/hooks/incoming/{hook_id}/rotate");

    /** {@code optionalBody}: one of {@link #OPTIONAL_BODY_ENDPOINTS}. */
    record Endpoint(String method, String path, boolean arrayBody, boolean optionalBody) {

        Endpoint(String method, String path, boolean arrayBody) {
            this(method, path, arrayBody, false);
        }

        String key() {
            return method + " " + path;
        }
    }

    /** A body that must be refused with 400, and why. */
    record BadBody(String name, byte[] bytes) {}

    @BeforeEach
    void signIn() {
        adminToken = ApiFixtures.admin().token();
    }

    @Test
    void theOpenApiDocumentListsEveryEndpointThatTakesABody() throws Exception {
        Set<String> listed = bodyEndpoints().stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(KNOWN_BODY_ENDPOINTS);
        missing.removeAll(listed);
        assertTrue(missing.isEmpty(), "the OpenAPI document lacks " + missing + "; it lists " + listed);
    }

    @Test
    void everyBodyTakingEndpointAnswersABadBodyWith400() throws Exception {
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (Endpoint endpoint : bodyEndpoints()) {
            for (BadBody bad : badBodies(endpoint)) {
                HttpResponse<String> answer = send(endpoint, adminToken, bad.bytes(), false);
                requests++;
                expectError(problems, endpoint.key() + " with " + bad.name(), answer, 400, INVALID_BODY);
            }
        }
        System.out.printf("[api-bodies] %d bad bodies sent, %d wrongly answered%n", requests, problems.size());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyBodyIsCappedAtTheLimitDeclaredOrChunked() throws Exception {
        byte[] atCap = unfinishedJson(API_MAX_BODY_BYTES);
        byte[] pastCap = unfinishedJson(API_MAX_BODY_BYTES + 1);
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : bodyEndpoints()) {
            List<String> tokens = new ArrayList<>(List.of(adminToken));
            if (PUBLIC_BODY_ENDPOINTS.contains(endpoint.key())) {
                tokens.add(null);
            }
            for (String token : tokens) {
                String who = endpoint.key() + (token == null ? " (no token)" : "");
                for (boolean chunked : new boolean[] {false, true}) {
                    String how = chunked ? ", chunked" : ", with Content-Length";
                    expectError(
                            problems,
                            who + ": " + pastCap.length + " bytes" + how,
                            send(endpoint, token, pastCap, chunked),
                            413,
                            TOO_LARGE);
                    // At the cap the body is read whole and refused for what it is: unfinished JSON.
                    expectError(
                            problems,
                            who + ": " + atCap.length + " bytes" + how,
                            send(endpoint, token, atCap, chunked),
                            400,
                            INVALID_BODY);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aDeclaredOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        // 5 MB announced to the unauthenticated sign-in: answered at once, long before 5 MB could be read.
        byte[] huge = unfinishedJson(5 * API_MAX_BODY_BYTES);
        long start = System.nanoTime();
        HttpResponse<String> answer = send(new Endpoint("POST", "/api/v4/users/login", false), null, huge, false);
        List<String> problems = new ArrayList<>();
        expectError(problems, "5 MB sign-in", answer, 413, TOO_LARGE);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "answered in time");
    }

    @Test
    void aWellFormedBodyStillWorksAfterTheChecks() {
        // The checks read the body's first byte and every byte after: a real request must arrive whole.
        HooklineClient admin = ApiFixtures.admin();
        String name = ApiFixtures.unique("bod");
        HttpResponse<String> created = admin.postJson("/api/v4/teams", ApiFixtures.teamBody(name, "O"));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(name, HooklineClient.json(created).getString("name"));
        HttpResponse<String> login = ApiFixtures.anonymous().login(HooklineClient.adminUsername(), "wrong-" + name);
        assertEquals(401, login.statusCode(), login.body());
    }

    // --- expired Faces views -----------------------------------------------------------------------------

    @Test
    void aFormPostedToAnExpiredViewIsRedirectedToAFreshPageNotA500() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/signin.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        Matcher nonce = NONCE.matcher(page.body());
        assertTrue(nonce.find(), "no CSP nonce in the sign-in page");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signin", "signin");
        form.put("signin:loginId", HooklineClient.adminUsername());
        form.put("signin:password", HooklineClient.adminPassword());
        form.put("signin:submit", "");
        form.put("jakarta.faces.ViewState", "1:2"); // a view the server never handed out, or forgot
        form.put("primefaces.nonce", nonce.group(1));

        // As a browser posts it (with the page's nonce), and as a script might (without one): never a 500.
        for (boolean withNonce : new boolean[] {true, false}) {
            Map<String, String> fields = new LinkedHashMap<>(form);
            if (!withNonce) {
                fields.remove("primefaces.nonce");
            }
            HttpResponse<String> stale =
                    browser.send(formPost("/signin.xhtml", fields).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(
                    stale.statusCode() == 302 || stale.statusCode() == 303,
                    "a redirect, got " + stale.statusCode() + ": " + excerpt(stale.body()));
            URI fresh = URI.create(base + "/signin.xhtml")
                    .resolve(stale.headers().firstValue("Location").orElseThrow());
            assertEquals("/signin.xhtml", fresh.getPath(), "back to the same page");
            HttpResponse<String> freshPage =
                    browser.send(HttpRequest.newBuilder(fresh).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, freshPage.statusCode());
            assertTrue(freshPage.body().contains("This page has expired"), excerpt(freshPage.body()));
            assertTrue(freshPage.body().contains("jakarta.faces.ViewState"), "a fresh form to fill in");
        }
        // The stale form signed nobody in: the console still asks for a sign-in.
        HttpResponse<String> console = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/console/index.xhtml"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(console.statusCode() != 200 || console.body().contains("signin:loginId"), "not signed in");

        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "signin:submit");
        form.put("jakarta.faces.partial.execute", "@all");
        form.put("jakarta.faces.partial.render", "@all");
        HttpResponse<String> ajax = browser.send(
                formPost("/signin.xhtml", form)
                        .header("Faces-Request", "partial/ajax")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(ajax.statusCode() < 500, ajax.statusCode() + " " + excerpt(ajax.body()));
        assertTrue(ajax.body().contains("This page has expired"), excerpt(ajax.body()));
    }

    // --- the document ------------------------------------------------------------------------------------

    /** Every operation under /api/v4 with a requestBody in the served OpenAPI document. */
    private List<Endpoint> bodyEndpoints() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/openapi"))
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject document;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            document = reader.readObject();
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
            if (!path.getKey().startsWith("/api/v4/")) {
                continue;
            }
            for (Map.Entry<String, JsonValue> operation :
                    path.getValue().asJsonObject().entrySet()) {
                if (operation.getValue().getValueType() == JsonValue.ValueType.OBJECT
                        && operation.getValue().asJsonObject().containsKey("requestBody")) {
                    JsonObject body = operation.getValue().asJsonObject().getJsonObject("requestBody");
                    endpoints.add(new Endpoint(
                            operation.getKey().toUpperCase(Locale.ROOT),
                            path.getKey(),
                            body.toString().contains("\"type\":\"array\""),
                            OPTIONAL_BODY_ENDPOINTS.contains(
                                    operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
                }
            }
        }
        assertTrue(endpoints.size() >= KNOWN_BODY_ENDPOINTS.size(), "body endpoints in the document: " + endpoints);
        return endpoints;
    }

    // --- bodies ------------------------------------------------------------------------------------------

    private static List<BadBody> badBodies(Endpoint endpoint) {
        List<BadBody> bodies = new ArrayList<>(List.of(
                text("an unfinished object", "{"),
                text("an unfinished array", "[1,"),
                text("an unfinished member", "{\"a\": "),
                text("an unterminated string", "{\"a\": \"b"),
                text("a bare word", "nope"),
                text("a JSON string", "\"text\""),
                text("a JSON number", "42"),
                text("JSON null", "null"),
                text(
                        endpoint.arrayBody() ? "an object where an array belongs" : "an array where an object belongs",
                        endpoint.arrayBody() ? "{}" : "[]"),
                text("nesting 100,000 deep", "[".repeat(100_000) + "]".repeat(100_000)),
                new BadBody("invalid UTF-8 in a string", bytes("{\"a\": \"", new byte[] {(byte) 0xC3, 0x28}, "\"}")),
                new BadBody("a lone 0xFF byte", new byte[] {(byte) 0xFF}),
                new BadBody(
                        "a UTF-8 sequence cut short",
                        bytes("{\"a\": \"", new byte[] {(byte) 0xE2, (byte) 0x82}, "\"}")),
                new BadBody(
                        "an encoded surrogate",
                        bytes("{\"a\": \"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}")),
                new BadBody("no body at all", new byte[0])));
        if (endpoint.optionalBody()) {
            // Leaving the body out, or sending JSON null, asks for the defaults there.
            bodies.removeIf(
                    bad -> bad.name().equals("no body at all") || bad.name().equals("JSON null"));
        }
        return bodies;
    }

    private static BadBody text(String name, String body) {
        return new BadBody(name, body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + middle.length + tail.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }

    /** Exactly {@code size} bytes of JSON that never ends: an opening brace, then spaces. */
    private static byte[] unfinishedJson(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        return body;
    }

    // --- sending and judging -----------------------------------------------------------------------------

    private HttpResponse<String> send(Endpoint endpoint, String token, byte[] body, boolean chunked)
            throws InterruptedException {
        Matcher parameters = PATH_PARAMETER.matcher(endpoint.path());
        String path = parameters.replaceAll(match -> ApiFixtures.unknownId());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(
                        endpoint.method(),
                        chunked
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(endpoint.key() + ": no answer (" + e + ")", e);
        }
    }

    private static void expectError(
            List<String> problems, String what, HttpResponse<String> answer, int status, String id) {
        if (answer.statusCode() != status) {
            problems.add(
                    what + ": status " + answer.statusCode() + ", expected " + status + ": " + excerpt(answer.body()));
            return;
        }
        JsonObject error;
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            error = reader.readObject();
        } catch (RuntimeException notJson) {
            problems.add(what + ": not a JSON error: " + excerpt(answer.body()));
            return;
        }
        if (!id.equals(error.getString("id", null))) {
            problems.add(what + ": id " + error.get("id") + ", expected " + id);
        } else if (!(error.get("status_code") instanceof JsonNumber code)
                || code.intValue() != status
                || error.getString("message", "").isBlank()
                || !error.containsKey("request_id")) {
            problems.add(what + ": not Mattermost's error shape: " + error);
        }
    }

    private HttpRequest.Builder formPost(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String excerpt(String body) {
        String text = body.replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
