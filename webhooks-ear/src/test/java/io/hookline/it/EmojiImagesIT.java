package io.hookline.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled emoji images (issue 21) as the deployed EAR serves them, without signing in: the SVG of the channel
 * view's {@code <img class="emoji">} with its type and a year's immutable caching, the licence files, and a 404
 * that nobody caches for anything else.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmojiImagesIT {

    static final String PREFIX = "/emoji/twemoji-16.0.1/";
    static final String LONG_CACHE = "public, max-age=31536000, immutable";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @Test
    void anEmojiImageIsAnSvgCachedForAYear() throws Exception {
        HttpResponse<byte[]> image = get(PREFIX + "2705.svg", "GET");
        assertEquals(200, image.statusCode());
        assertEquals("image/svg+xml", image.headers().firstValue("Content-Type").orElse(""));
        assertEquals(LONG_CACHE, image.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(
                "nosniff", image.headers().firstValue("X-Content-Type-Options").orElse(""));
        String csp = image.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.startsWith("default-src 'none'") && csp.contains("sandbox"), csp);
        assertArrayEquals(bundled("2705.svg"), image.body(), "the bytes of the bundled file");
        assertEquals(
                Long.toString(image.body().length),
                image.headers().firstValue("Content-Length").orElse(""));
        String svg = new String(image.body(), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
    }

    @Test
    void aZwjSequenceFileIsServedToo() throws Exception {
        HttpResponse<byte[]> image = get(PREFIX + "1f468-200d-1f469-200d-1f467-200d-1f466.svg", "GET");
        assertEquals(200, image.statusCode());
        assertEquals("image/svg+xml", image.headers().firstValue("Content-Type").orElse(""));
        assertEquals(LONG_CACHE, image.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void headAnswersTheSameHeadersWithoutABody() throws Exception {
        HttpResponse<byte[]> head = get(PREFIX + "26a0.svg", "HEAD");
        assertEquals(200, head.statusCode());
        assertEquals("image/svg+xml", head.headers().firstValue("Content-Type").orElse(""));
        assertEquals(LONG_CACHE, head.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(0, head.body().length);
    }

    @Test
    void theLicencesAreServedAsText() throws Exception {
        HttpResponse<byte[]> graphics = get(PREFIX + "LICENSE-GRAPHICS", "GET");
        assertEquals(200, graphics.statusCode());
        assertTrue(
                graphics.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .toLowerCase()
                        .startsWith("text/plain"),
                graphics.headers().toString());
        assertTrue(new String(graphics.body(), StandardCharsets.UTF_8)
                .contains("Creative Commons Attribution 4.0 International Public License"));
        HttpResponse<byte[]> code = get(PREFIX + "LICENSE", "GET");
        assertEquals(200, code.statusCode());
        assertTrue(new String(code.body(), StandardCharsets.UTF_8).contains("MIT License"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/emoji/",
                "/emoji/twemoji-16.0.1/",
                "/emoji/twemoji-15.0.0/2705.svg", // another version: never served, so it may be cached as 16.0.1
                "/emoji/twemoji-16.0.1/ffff.svg",
                "/emoji/twemoji-16.0.1/2705.png",
                "/emoji/twemoji-16.0.1/files.txt",
                "/emoji/twemoji-16.0.1/%2e%2e/files.txt", // /emoji/files.txt once the server normalises it
                "/emoji/twemoji-16.0.1/..%2F..%2FWEB-INF%2Fweb.xml"
            })
    void anythingElseIsANotFoundThatIsNotCached(String path) throws Exception {
        HttpResponse<byte[]> missing = get(path, "GET");
        assertTrue(missing.statusCode() == 404 || missing.statusCode() == 400, path + ": " + missing.statusCode());
        assertEquals("no-store", missing.headers().firstValue("Cache-Control").orElse(""), path);
    }

    private static HttpResponse<byte[]> get(String path, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The file as committed in the web module (the failsafe run's working directory is this module). */
    private static byte[] bundled(String name) throws IOException {
        return Files.readAllBytes(Path.of("../webhooks-web/src/main/emoji/io/hookline/web/emoji/twemoji-16.0.1", name));
    }

    private static String base() {
        String base = TestServer.baseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
