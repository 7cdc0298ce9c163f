package io.hookline.web.hooks;

import static java.net.HttpURLConnection.HTTP_INTERNAL_ERROR;

import io.hookline.ejb.delivery.DeliveryAttempt;
import io.hookline.ejb.hook.HookDestination;

/**
 * One {@code /hooks} request and its answer, as {@link HookExchangeFilter} observed it: the one record both the
 * access log ({@link HookAccessLog}) and the hook's delivery log ({@link #deliveryAttempt}) are written from.
 *
 * @param remoteAddress the sender's address
 * @param method the request method as sent
 * @param requestUri the request URI, hook id and all (the access log masks it)
 * @param contextPath the application's context path
 * @param status the status answered (the one set when an exception escaped the chain while writing it)
 * @param escaped whether an exception escaped the chain: the container's 500 to the access log
 * @param bytesRead the request body bytes read
 * @param size the body's size for the delivery log ({@link ObservedRequest#size})
 * @param endedAt when the answer was sent, epoch ms
 * @param millis how long the request took, from the filter's start to the answer written
 * @param deliveryHookId the hook whose delivery log keeps this answer; null when none does
 * @param errorId the error body's id ({@code idempotent_replay} for a replay); empty for none
 * @param posted where the message went, when it was committed; null otherwise
 */
record HookExchange(
        String remoteAddress,
        String method,
        String requestUri,
        String contextPath,
        int status,
        boolean escaped,
        long bytesRead,
        long size,
        long endedAt,
        long millis,
        String deliveryHookId,
        String errorId,
        HookDestination posted) {

    /** The status the access log shows: an exception that escaped the chain becomes the container's 500. */
    int accessLogStatus() {
        return escaped ? HTTP_INTERNAL_ERROR : status;
    }

    /** The delivery log's entry for this answer (only when {@link #deliveryHookId} is set). */
    DeliveryAttempt deliveryAttempt() {
        if (posted != null) {
            return new DeliveryAttempt(
                    deliveryHookId,
                    endedAt,
                    status,
                    errorId,
                    remoteAddress,
                    size,
                    millis,
                    posted.channelId(),
                    posted.postIds(),
                    posted.postIds().size());
        }
        return DeliveryAttempt.refused(deliveryHookId, endedAt, status, errorId, remoteAddress, size, millis);
    }
}
