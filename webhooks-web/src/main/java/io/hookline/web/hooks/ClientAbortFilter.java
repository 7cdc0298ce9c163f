package io.hookline.web.hooks;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
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
        ObservedRequest watched = ObservedRequest.of(request);
        chain.doFilter(watched, new ForgivingResponse(response, watched));
    }

    /** Drops write failures once the request's body could not be read: the sender is gone. */
    static final class ForgivingResponse extends HttpServletResponseWrapper {

        private final ObservedRequest request;
        private ServletOutputStream forgiving;

        ForgivingResponse(HttpServletResponse response, ObservedRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public void flushBuffer() throws IOException {
            unlessSenderGone(super::flushBuffer);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (forgiving == null) {
                ServletOutputStream out = super.getOutputStream();
                forgiving = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        unlessSenderGone(() -> out.write(b));
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        unlessSenderGone(() -> out.write(bytes, offset, length));
                    }

                    @Override
                    public void flush() throws IOException {
                        unlessSenderGone(out::flush);
                    }

                    @Override
                    public void close() throws IOException {
                        unlessSenderGone(out::close);
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

        /** An output step whose failure is dropped when the sender already hung up. */
        private interface Output {
            void run() throws IOException;
        }

        private void unlessSenderGone(Output step) throws IOException {
            try {
                step.run();
            } catch (IOException failed) {
                if (!request.bodyFailed()) {
                    throw failed;
                }
                LOG.log(Level.FINE, "answer to a sender that hung up mid-body not delivered", failed);
            }
        }
    }
}
