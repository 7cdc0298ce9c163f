package io.hookline.web.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body stream that wraps the container's and forwards the non-blocking protocol to it
 * ({@code isFinished}, {@code isReady}, {@code setReadListener}); subclasses decide what reading does. Shared by the
 * hook path's observed body and the API's capped body, which differ only in what they do with the bytes read.
 */
public abstract class ForwardingServletInputStream extends ServletInputStream {

    protected final ServletInputStream in;

    protected ForwardingServletInputStream(ServletInputStream in) {
        this.in = in;
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
