package io.hookline.web.hooks;

import io.hookline.api.error.ApiError;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.delivery.DeliveryAttempt;
import io.hookline.ejb.delivery.DeliveryLog;
import io.hookline.ejb.hook.HookDestination;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Offers every answer of {@code POST /hooks/{id}} (the {@code ok} and every error the exception mappers
 * produce) to the hook's delivery log: time, status, error id, remote address, body size, duration and the
 * posts it became. Bound by {@link RecordsDelivery} to {@link HookResource#post} and to {@link HookPostResource}'s methods (the post they read, edited or deleted is the entry's post). Cheap on purpose: an id
 * that cannot be a hook's is skipped here, the rest is one offer to {@link DeliveryLog}'s bounded queue, and
 * a failure here never changes the answer.
 */
@Provider
@RecordsDelivery
public class DeliveryRecorder implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(DeliveryRecorder.class.getName());

    static final String STARTED = DeliveryRecorder.class.getName() + ".started";
    static final String BODY = DeliveryRecorder.class.getName() + ".body";
    static final String POSTED = DeliveryRecorder.class.getName() + ".posted";
    /**
     * The error id logged for a replayed answer ({@code Idempotent-Replayed: true}): its status is the first
     * answer's, it stored nothing, and this id tells it from the request that did.
     */
    static final String REPLAYED_ID = "idempotent_replay";

    @Inject
    private DeliveryLog log;

    @Context
    private HttpServletRequest servletRequest;

    /** {@link HookResource} leaves its counted body here, so the size is what was read. */
    static void rememberBody(ServletRequest request, CountedBody body) {
        request.setAttribute(BODY, body);
    }

    /** {@link HookResource} leaves where the message went here, once it is committed. */
    static void rememberPosted(ServletRequest request, HookDestination destination) {
        request.setAttribute(POSTED, destination);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            String hookId = request.getUriInfo().getPathParameters().getFirst("id");
            if (!Ids.isWellFormed(hookId) || !log.enabled()) {
                return;
            }
            log.record(attempt(hookId, request, response));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Delivery not recorded", e);
        }
    }

    private DeliveryAttempt attempt(String hookId, ContainerRequestContext request, ContainerResponseContext response) {
        long durationMs = request.getProperty(STARTED) instanceof Long started
                ? (System.nanoTime() - started) / 1_000_000 : 0;
        boolean replayed = "true".equals(response.getHeaderString(IdempotentRequests.REPLAYED_HEADER));
        return attempt(hookId, System.currentTimeMillis(), durationMs, response.getStatus(),
                replayed ? REPLAYED_ID : response.getEntity(), request.getProperty(BODY), request.getLength(),
                request.getProperty(POSTED), servletRequest.getRemoteAddr());
    }

    /**
     * The log entry for one answer: its status, the error body's id ({@link ApiError}; {@link #REPLAYED_ID} when
     * {@code entity} is that id: a replay; empty otherwise), the
     * body's size ({@link CountedBody}, or the Content-Length, -1 when absent, when the body was never opened),
     * and the posts, when {@link HookResource} left them (possibly with an error, when a failure came after
     * the commit).
     */
    static DeliveryAttempt attempt(String hookId, long now, long durationMs, int status, Object entity, Object body,
                                   long contentLength, Object posted, String remoteAddress) {
        String errorId = entity instanceof ApiError error ? error.id() : REPLAYED_ID.equals(entity) ? REPLAYED_ID : "";
        long size = body instanceof CountedBody counted ? counted.size(contentLength) : Math.max(0, contentLength);
        if (posted instanceof HookDestination destination) {
            return new DeliveryAttempt(hookId, now, status, errorId, remoteAddress, size, durationMs,
                    destination.channelId(), destination.postIds(), destination.postIds().size());
        }
        return DeliveryAttempt.refused(hookId, now, status, errorId, remoteAddress, size, durationMs);
    }
}
