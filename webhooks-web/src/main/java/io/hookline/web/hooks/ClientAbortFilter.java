package io.hookline.web.hooks;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A sender that hangs up in the middle of its body is the sender's failure: HookResource answers 400, and
 * this filter makes sure that answer's failure to reach a closed connection is not reported as ours. Once
 * reading the body has failed, a failure to write or flush the answer is dropped (FINE), where the JAX-RS
 * runtime would otherwise log it SEVERE and the container would try an error page on the dead connection.
 * A sender that is still there (it only stalled) gets the 400 as usual.
 */
public class ClientAbortFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(ClientAbortFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        WatchedRequest watched = new WatchedRequest(request);
        chain.doFilter(watched, new ForgivingResponse(response, watched));
    }

    /** Notes when reading the body fails. */
    static final class WatchedRequest extends HttpServletRequestWrapper {

        private volatile boolean bodyFailed;
        private ServletInputStream watching;

        WatchedRequest(HttpServletRequest request) {
            super(request);
        }

        boolean bodyFailed() {
            return bodyFailed;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (watching == null) {
                watching = new ObservedBody(super.getInputStream(), new ObservedBody.Observer() {
                    @Override
                    public void failed() {
                        bodyFailed = true;
                    }
                });
            }
            return watching;
        }
    }

    /** Drops write failures once the request's body could not be read: the sender is gone. */
    static final class ForgivingResponse extends HttpServletResponseWrapper {

        private final WatchedRequest request;
        private ServletOutputStream forgiving;

        ForgivingResponse(HttpServletResponse response, WatchedRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public void flushBuffer() throws IOException {
            try {
                super.flushBuffer();
            } catch (IOException failed) {
                forgive(failed);
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (forgiving == null) {
                ServletOutputStream out = super.getOutputStream();
                forgiving = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        try {
                            out.write(b);
                        } catch (IOException failed) {
                            forgive(failed);
                        }
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        try {
                            out.write(bytes, offset, length);
                        } catch (IOException failed) {
                            forgive(failed);
                        }
                    }

                    @Override
                    public void flush() throws IOException {
                        try {
                            out.flush();
                        } catch (IOException failed) {
                            forgive(failed);
                        }
                    }

                    @Override
                    public void close() throws IOException {
                        try {
                            out.close();
                        } catch (IOException failed) {
                            forgive(failed);
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return forgiving;
        }

        private void forgive(IOException failed) throws IOException {
            if (!request.bodyFailed()) {
                throw failed;
            }
            LOG.log(Level.FINE, "answer to a sender that hung up mid-body not delivered", failed);
        }
    }
}
