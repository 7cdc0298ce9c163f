package io.hookline.it.outage;

import io.hookline.it.TestServer;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The outage tests' HTTP: HTTP/1.1 like most integrations, and no retries or credentials of its own, so each
 * request and each broken connection is seen exactly as a sender sees it.
 */
final class PlainHttp {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base = URI.create(TestServer.baseUrl());

    /** {@code {"text": text}} as JSON to the hook. */
    HttpResponse<String> postText(String hookId, String text) throws IOException, InterruptedException {
        String json = Json.createObjectBuilder().add("text", text).build().toString();
        return http.send(
                HttpRequest.newBuilder(base.resolve("/hooks/" + hookId))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code {"text": text}} as JSON to the hook, with {@code Idempotency-Key: key}. */
    HttpResponse<String> postText(String hookId, String text, String key) throws IOException, InterruptedException {
        String json = Json.createObjectBuilder().add("text", text).build().toString();
        return http.send(
                HttpRequest.newBuilder(base.resolve("/hooks/" + hookId))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
