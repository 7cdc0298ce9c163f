package io.hookline.web.hooks;

import static java.net.HttpURLConnection.HTTP_INTERNAL_ERROR;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.delivery.DeliveryLog;
import io.hookline.web.error.ErrorResponses;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.Enumeration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one filter of {@code /hooks/*}: it owns the observed request and emits one {@link HookExchange} record at
 * the end, which the access log ({@link HookAccessLog}) and the hook's delivery log ({@link DeliveryLog}) both
 * consume. In order:
 * <ol>
 * <li>It watches the body as it is read ({@link ObservedRequest}: counted once, for both logs) and times the
 * request.</li>
 * <li>It refuses a malformed Content-Type with the contract's 400 {@code invalid_payload}, the one place that does:
 * this has to happen in front of JAX-RS, whose runtime parses the header while choosing a resource method and fails
 * with the container's HTML error page, which no exception mapper ever sees (so neither can a JAX-RS filter answer
 * it through the mappers).</li>
 * <li>A sender that hangs up in the middle of its body is the sender's failure: HookResource answers 400, and once
 * reading the body has failed, a failure to write or flush that answer to the closed connection is dropped (FINE)
 * ({@link ForgivingResponse}), where the JAX-RS runtime would otherwise log it SEVERE and the container would try an
 * error page on the dead connection. A sender that is still there (it only stalled) gets the 400 as usual.</li>
 * <li>At the end it completes the record from {@link HookAnswer} (what the JAX-RS side knew: the hook whose
 * delivery this was, its error id, the posts) and offers it to both logs; a failure there never changes the
 * answer.</li>
 * </ol>
 * Mapped in web.xml behind the filters every path has (security headers, malformed requests), so it sees every
 * answer the application gives on {@code /hooks/*}.
 */
public class HookExchangeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HookExchangeFilter.class.getName());
    private static final String HOOKS = "/hooks/";

    @Inject
    private transient DeliveryLog deliveryLog;

    @Inject
    private transient HookAnswer answer;

    @Inject
    private transient HookMeters meters;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        ObservedRequest observed = new ObservedRequest(request);
        String refusedDelivery = null;
        String refusedId = "";
        boolean failed = true;
        try {
            try {
                HookBodyParser.mediaTypeOf(singleContentType(request));
            } catch (HooklineException malformed) {
                ErrorResponses.write(response, malformed);
                refusedDelivery = newPostHookId(request);
                refusedId = malformed.id();
                failed = false;
                return;
            }
            chain.doFilter(observed, new ForgivingResponse(response, observed));
            failed = false;
        } finally {
            emit(
                    request,
                    observed,
                    response.getStatus(),
                    failed,
                    System.nanoTime() - start,
                    refusedDelivery,
                    refusedId);
        }
    }

    /**
     * The raw header, not {@code getContentType()}: a present but empty header must be refused, not read as
     * absent. Two Content-Types contradict each other (and JAX-RS would answer them with an HTML page).
     */
    private static String singleContentType(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(HttpHeaders.CONTENT_TYPE);
        if (values == null || !values.hasMoreElements()) {
            return request.getContentType();
        }
        String first = values.nextElement();
        if (values.hasMoreElements()) {
            throw HookBodyParser.invalid("The request has more than one Content-Type header.");
        }
        return first;
    }

    /** The hook id of a {@code POST /hooks/{id}} (a new post), refused here before JAX-RS; null for any other. */
    private static String newPostHookId(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String hookId = path.startsWith(HOOKS) ? path.substring(HOOKS.length()) : "";
        return "POST".equals(request.getMethod()) && Ids.isWellFormed(hookId) ? hookId : null;
    }

    private void emit(
            HttpServletRequest request,
            ObservedRequest observed,
            int status,
            boolean escaped,
            long nanos,
            String refusedDelivery,
            String refusedId) {
        boolean accessLog = HookAccessLog.enabled();
        try {
            // Read once: each call on the request-scoped bean looks its context up again. Not at all when this filter
            // refused the request: nothing behind it ran.
            HookAnswer.Outcome outcome = refusedId.isEmpty() ? answer.outcome() : HookAnswer.Outcome.NONE;
            String hookId = refusedDelivery;
            String errorId = refusedId;
            if (hookId == null && outcome.deliveryHookId() != null) {
                hookId = outcome.deliveryHookId();
                errorId = outcome.errorId();
            }
            record(status, escaped, refusedId.isEmpty() ? null : refusedId, outcome.answeredId(), hookId, nanos);
            long millis = nanos / 1_000_000;
            boolean delivery = hookId != null && deliveryLog.enabled();
            if (!accessLog && !delivery) {
                return;
            }
            HookExchange exchange = new HookExchange(
                    request.getRemoteAddr(),
                    request.getMethod(),
                    request.getRequestURI(),
                    request.getContextPath(),
                    status,
                    escaped,
                    observed.bytesRead(),
                    observed.size(request.getContentLengthLong()),
                    System.currentTimeMillis(),
                    millis,
                    hookId,
                    errorId,
                    refusedDelivery == null ? outcome.posted() : null);
            if (accessLog) {
                HookAccessLog.write(exchange);
            }
            if (delivery) {
                deliveryLog.record(exchange.deliveryAttempt());
            }
        } catch (RuntimeException e) {
            // The answer is sent; the logs are a debugging aid and must not turn it into a failure.
            LOG.log(Level.FINE, "Hook request not logged", e);
        }
    }

    /**
     * The request in the metrics: {@code refusedId} when this filter answered, else what the hook resource
     * answered; an exception that escaped the chain is the container's 500, with no error id of ours.
     */
    private void record(int status, boolean escaped, String refusedId, String answeredId, String hookId, long nanos) {
        if (escaped) {
            meters.record(HTTP_INTERNAL_ERROR, null, hookId, nanos);
        } else {
            meters.record(status, refusedId != null ? refusedId : answeredId, hookId, nanos);
        }
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
