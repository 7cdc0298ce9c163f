package io.hookline.web.api.body;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** An {@code /api/v4} request whose body, however it is opened, is a {@link CappedBody}. */
final class CappedRequest extends HttpServletRequestWrapper {

    private final int maxBytes;
    private CappedBody body;

    CappedRequest(HttpServletRequest request, int maxBytes) {
        super(request);
        this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            body = new CappedBody(super.getInputStream(), maxBytes);
        }
        return body;
    }

    /** UTF-8 whatever the request declares: the stream below has already refused anything else. */
    @Override
    public BufferedReader getReader() throws IOException {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}
