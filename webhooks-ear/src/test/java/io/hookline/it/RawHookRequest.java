package io.hookline.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One {@code POST /hooks/{id}} over a plain socket, for what an HTTP client library will not do: send header bytes
 * it refuses, stop in the middle of the body and go on later, or hang up without reading the answer (an {@code ok}
 * lost on the wire). {@code Connection: close}, so the answer ends with the connection.
 */
public final class RawHookRequest implements AutoCloseable {

    private final Socket socket = new Socket();
    private final OutputStream out;
    private final byte[] body;
    private int sent;

    /** Connects and sends the head ({@code extraHeaders}: whole lines without CRLF, ISO-8859-1) and nothing more. */
    public RawHookRequest(String hookId, String contentType, byte[] body, String... extraHeaders) throws IOException {
        URI base = URI.create(TestServer.baseUrl());
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        this.body = body;
        StringBuilder head = new StringBuilder("POST /hooks/" + hookId + " HTTP/1.1\r\n")
                .append("Host: ")
                .append(base.getHost())
                .append(':')
                .append(base.getPort())
                .append("\r\n")
                .append("Content-Type: ")
                .append(contentType)
                .append("\r\n")
                .append("Content-Length: ")
                .append(body.length)
                .append("\r\n")
                .append("Connection: close\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Sends the first {@code n} bytes of the body (or the next ones). */
    public RawHookRequest sendBody(int n) throws IOException {
        out.write(body, sent, n);
        out.flush();
        sent += n;
        return this;
    }

    /** Sends the rest of the body. */
    public RawHookRequest sendRest() throws IOException {
        return sendBody(body.length - sent);
    }

    /** The answer: status line, headers (names lower-cased) and body, read to the end of the connection. */
    public Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: " + text);
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        int status = Integer.parseInt(text.substring(9, 12));
        return new Answer(status, head, text.substring(end + 4));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** An answer as read from the socket; {@code head} lower-cased, body ISO-8859-1 (chunked bodies left as sent). */
    public record Answer(int status, String head, String body) {}
}
