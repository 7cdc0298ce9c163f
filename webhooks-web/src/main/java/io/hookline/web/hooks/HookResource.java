package io.hookline.web.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import io.hookline.ejb.hook.HookDestination;
import io.hookline.ejb.hook.HookPoster;
import io.hookline.ejb.idempotency.StoredAnswer;
import io.hookline.ejb.ratelimit.HookRateLimiter;
import io.hookline.ejb.settings.CurrentSettings;
import io.hookline.ejb.settings.Settings;
import io.hookline.web.live.PostsCommitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /hooks/{id}}: check the rate limits, parse the body, post it, answer exactly {@code ok} once it
 * is committed ({@code ?wait=true}: the post as JSON instead; {@code ?dry_run=true}: the posts it would make,
 * storing nothing). Every answer goes to the hook's delivery log ({@link HookExchangeFilter}), with the posts it
 * became ({@link HookAnswer}).
 * <p>
 * One instance for all requests (it keeps no request state; the servlet request comes as a parameter): a
 * request-scoped resource cost a bean creation, with a JNDI look-up per injected EJB, on every post.
 */
@Path("{id}")
@ApplicationScoped
public class HookResource {

    private static final Logger LOG = Logger.getLogger(HookResource.class.getName());
    /**
     * {@code text/plain;charset=UTF-8}, charset spelled out: left to the runtime, RESTEasy (WildFly) adds it and
     * Jersey (Payara) does not, so the same answer had two Content-Types.
     */
    static final String OK_TYPE = "text/plain;charset=UTF-8";
    /** {@code ?wait=true} and {@code ?dry_run=true} answers. */
    static final String JSON_TYPE = "application/json";

    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);

    @Inject
    private HookPoster poster;

    @Inject
    private CurrentSettings settings;

    @Inject
    private Event<PostsCommitted> committed;

    @Inject
    private HookRateLimiter limiter;

    @Inject
    private IdempotentRequests idempotency;

    @Inject
    private HookAnswer answer;

    @POST
    @RecordsDelivery
    public Response post(
            @PathParam("id") String hookId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("wait") String wait,
            @QueryParam("dry_run") String dryRun,
            @Context HttpServletRequest request,
            InputStream body) {
        // Before anything else: a mistyped flag must not post for real what was meant as a dry run.
        boolean answerPost = QueryFlag.parse("wait", wait);
        boolean dry = QueryFlag.parse("dry_run", dryRun);
        Settings current = settings.get();
        answer.requireAllowed(limiter, current, hookId, request.getRemoteAddr());
        // Idempotency-Key: 400 when malformed, 409 while the same key is in flight; claimed before the body is read.
        KeyedRequest keyed = dry ? KeyedRequest.NONE : idempotency.begin(hookId, request);
        int maxBytes = current.maximumPayloadSizeBytes();
        byte[] bytes = readCapped(body, maxBytes);
        if (dry) {
            // Nothing stored, so nothing for the delivery log's post ids nor the live views (see DryRunAnswer), and
            // no Idempotency-Key claimed or replayed: a dry run is not the request it previews.
            WebhookPayload payload = HookBodyParser.parse(contentType, bytes);
            return Response.ok(DryRunAnswer.of(poster.dryRun(hookId, payload)), MediaType.valueOf(JSON_TYPE))
                    .build();
        }
        // A repeat of a stored keyed request: its first answer again (or 422 for another request), nothing stored.
        Response replay = idempotency.storedAnswer(keyed, contentType, request.getQueryString(), bytes);
        if (replay != null) {
            return replay;
        }
        WebhookPayload payload = HookBodyParser.parse(contentType, bytes);
        HookDestination posted = poster.post(
                hookId, payload, keyed.hasKey() ? keyed.recording(planned -> answer(planned, answerPost)) : null);
        answer.posted(posted);
        // HookPoster's transaction has committed by now: open channel views may show the posts.
        committed.fire(new PostsCommitted(posted.channelId(), posted.postIds()));
        return IdempotentRequests.response(answer(posted, answerPost));
    }

    /**
     * The answer to a request that stored {@code posted}: {@code ok}, or with {@code ?wait=true} the first post as
     * JSON. Built before the commit too (from the posts planned before the write) and stored with the posts when
     * the request carries an {@code Idempotency-Key}, so a retry is answered these exact bytes again: it must
     * depend on the destination alone.
     */
    static StoredAnswer answer(HookDestination posted, boolean answerPost) {
        if (answerPost) {
            return new StoredAnswer(200, JSON_TYPE, PostedAnswer.of(posted).getBytes(StandardCharsets.UTF_8));
        }
        // Exactly the two bytes "ok": several real clients compare the body byte for byte.
        return new StoredAnswer(200, OK_TYPE, OK);
    }

    /**
     * Reads at most {@code maxBytes} (ServiceSettings.MaximumPayloadSizeBytes), stopping with 413 as
     * soon as the body goes past it, so an oversized body is never buffered whole. A body that cannot be
     * read to its end (the sender hung up or stalled mid-body) is the sender's failure, not ours: 400
     * {@code invalid_payload}, which nobody is left to read, and no more than a FINE log line.
     */
    public static byte[] readCapped(InputStream in, int maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = readSome(in, buffer)) >= 0) {
            if (out.size() + n > maxBytes) {
                throw new HooklineException(
                        413, "payload_too_large", "The request body is larger than " + maxBytes + " bytes.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static int readSome(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException unreadable) {
            LOG.log(Level.FINE, "hook request body could not be read to its end", unreadable);
            throw HooklineException.badRequest("invalid_payload", "The request body could not be read to its end.");
        }
    }
}
