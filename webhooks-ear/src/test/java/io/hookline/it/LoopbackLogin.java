package io.hookline.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code POST /api/v4/users/login} sent from a chosen loopback address (127.0.0.x), over a plain socket since
 * {@code java.net.http} on Java 17 cannot pick its source address. The sign-in limit is per address: tests
 * that use it up do so from an address of their own, and every other test (from 127.0.0.1) keeps its allowance.
 */
final class LoopbackLogin {

    /** One answer: status, headers (lower-case names), body text, and how long it took. */
    record Answer(int status, Map<String, String> headers, String body, long millis) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        String errorId() {
            return json().getString("id", null);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    private LoopbackLogin() {}

    static Answer login(String source, String loginId, String password) {
        return post(
                source,
                Json.createObjectBuilder()
                        .add("login_id", loginId)
                        .add("password", password)
                        .build()
                        .toString());
    }

    static Answer post(String source, String json) {
        URI base = URI.create(TestServer.baseUrl());
        int port = base.getPort() < 0 ? 80 : base.getPort();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v4/users/login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                            + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new AssertionError("login from " + source + " failed", e);
        }
    }

    private static Answer parse(byte[] raw, long millis) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IOException("no complete answer: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(new java.io.ByteArrayInputStream(body));
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), millis);
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int semicolon = size.indexOf(";");
            int length = Integer.parseInt((semicolon < 0 ? size.toString() : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.read();
            in.read();
        }
    }
}
