package io.hookline.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for black-box tests: what curl or a Mattermost client would send, nothing more. */
public final class HooklineClient {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private String token;

    public HooklineClient() {
        this(TestServer.baseUrl());
    }

    /** A client of the server at {@code base} (one node of several, say), with or without a trailing slash. */
    public HooklineClient(String base) {
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static String adminUsername() {
        return System.getProperty("hookline.admin.username", "itadmin");
    }

    public static String adminPassword() {
        return System.getProperty("hookline.admin.password", "it-admin-Secret-1");
    }

    /** Signs in and keeps the token for later calls; returns the login response. */
    public HttpResponse<String> login(String loginId, String password) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v4/users/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("login_id", loginId)
                        .add("password", password)
                        .build()
                        .toString())));
        token = response.headers().firstValue("Token").orElse(null);
        return response;
    }

    public HooklineClient loginAsAdmin() {
        HttpResponse<String> response = login(adminUsername(), adminPassword());
        if (response.statusCode() != 200) {
            throw new AssertionError("admin login failed: " + response.statusCode() + " " + response.body());
        }
        return this;
    }

    public String token() {
        return token;
    }

    /** Uses the given token (a session or personal access token; null: anonymous) from now on; returns this client. */
    public HooklineClient withToken(String token) {
        this.token = token;
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(authorized(HttpRequest.newBuilder(uri(path))).GET());
    }

    public HttpResponse<String> postJson(String path, JsonObject body) {
        return send(authorized(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** POSTs any JSON value (e.g. the array of two user ids for a direct channel). */
    public HttpResponse<String> postJson(String path, JsonStructure body) {
        return send(authorized(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** POSTs a body exactly as given (malformed JSON included) as {@code application/json}, with credentials. */
    public HttpResponse<String> postJsonText(String path, String body) {
        return send(authorized(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** POSTs with no body and no Content-Type, as {@code curl -X POST} does (logout, restore). */
    public HttpResponse<String> post(String path) {
        return send(authorized(HttpRequest.newBuilder(uri(path))).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> put(String path, JsonStructure body) {
        return send(authorized(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public HttpResponse<String> delete(String path) {
        return send(authorized(HttpRequest.newBuilder(uri(path))).DELETE());
    }

    /**
     * Any method with an optional body (null: none) and Content-Type (null: none), with this client's token if
     * it has one: {@code PATCH} and the hook URL's {@code GET}/{@code DELETE} of a post, say.
     */
    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(uri(path)))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** POSTs a raw body to a path with the given Content-Type (null: none), without credentials. */
    public HttpResponse<String> postRaw(String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /**
     * POSTs exactly these bytes over HTTP/1.1, without credentials, with a Content-Length and the given
     * headers as (name, value) pairs, names spelled as given ({@code "Content-type"}, {@code "CONTENT-TYPE"});
     * the JDK client may normalise the case on the wire.
     */
    public HttpResponse<String> postBytes(String path, byte[] body, String... headers) {
        return send(withHeaders(
                HttpRequest.newBuilder(uri(path))
                        .version(HttpClient.Version.HTTP_1_1)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                headers));
    }

    /**
     * Like {@link #postBytes} but the body comes from a stream of unknown length, so the request is sent
     * with {@code Transfer-Encoding: chunked} and no Content-Length, as some clients do.
     */
    public HttpResponse<String> postChunked(String path, byte[] body, String... headers) {
        return send(withHeaders(
                HttpRequest.newBuilder(uri(path))
                        .version(HttpClient.Version.HTTP_1_1)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))),
                headers));
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come as name, value pairs");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonStructure structure = reader.read();
            return structure.asJsonObject();
        }
    }

    public static JsonArray jsonArray(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(
                    request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
