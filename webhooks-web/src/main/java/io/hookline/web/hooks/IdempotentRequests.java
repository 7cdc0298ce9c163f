package io.hookline.web.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.idempotency.IdempotencyKey;
import io.hookline.ejb.idempotency.IdempotencyKeys;
import io.hookline.ejb.idempotency.InFlightKeys;
import io.hookline.ejb.idempotency.KeyDecision;
import io.hookline.ejb.idempotency.RequestFingerprint;
import io.hookline.ejb.idempotency.StoredAnswer;
import io.hookline.ejb.settings.CurrentSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.List;

/**
 * {@code Idempotency-Key} on {@code POST /hooks/{id}} (issue 18): a keyed request is processed at most once per
 * hook within {@code ServiceSettings.IdempotencyWindowSeconds}. Two steps around the body:
 * <ol>
 * <li>{@link #begin}, after the rate limit and before the body is read: 400 {@code invalid_idempotency_key} for a
 * malformed key, 409 {@code idempotency_key_in_flight} while this server still processes the same key;</li>
 * <li>{@link #storedAnswer}, once the body is read: the first answer again ({@code Idempotent-Replayed: true},
 * nothing stored) for the same request, 422 {@code idempotency_key_reused} for a different one, or null: the
 * request is new, and {@link KeyedRequest#recording} stores its key with its posts, in their transaction.</li>
 * </ol>
 * Only answers that stored posts are recorded: a request refused with a 4xx or 5xx stored nothing, so its retry is
 * processed again; a 429 comes before all of this and is never replayed.
 */
@ApplicationScoped
public class IdempotentRequests {

    /** The answer header of a replay. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    private InFlightKeys inFlight;

    @Inject
    private IdempotencyKeys keys;

    @Inject
    private CurrentSettings settings;

    @Inject
    private HeldKeyClaim held;

    /** The request's key, claimed on this server until the request ends; {@link KeyedRequest#NONE} without one. */
    public KeyedRequest begin(String hookId, HttpServletRequest request) {
        List<String> sent = Collections.list(request.getHeaders(IdempotencyKey.HEADER));
        if (sent.isEmpty()) {
            return KeyedRequest.NONE;
        }
        if (sent.size() > 1) {
            // Two keys cannot both hold; taking either would surprise the sender.
            throw HooklineException.badRequest(
                    IdempotencyKey.INVALID, "Send one " + IdempotencyKey.HEADER + " header, not " + sent.size() + ".");
        }
        String key = IdempotencyKey.validated(sent.get(0));
        if (!Ids.isWellFormed(hookId)) {
            // No hook can have this id (404 follows): nothing to claim, look up or store.
            return KeyedRequest.NONE;
        }
        held.hold(inFlight.claim(hookId, key, System.currentTimeMillis()));
        return new KeyedRequest(hookId, key);
    }

    /**
     * The first answer again when this key was stored for the same request within the window; 422 when it was
     * stored for another; null when the request is new (and then remembers what its write must store).
     */
    public Response storedAnswer(KeyedRequest keyed, String contentType, String query, byte[] body) {
        if (!keyed.hasKey()) {
            return null;
        }
        String fingerprint = RequestFingerprint.of(contentType, query, body);
        KeyDecision decision = KeyDecision.decide(
                keys.find(keyed.hookId(), keyed.key()), fingerprint, System.currentTimeMillis(), windowMillis());
        if (decision.isReplay()) {
            return replay(decision.replay());
        }
        keyed.decided(fingerprint, decision);
        return null;
    }

    /**
     * The answer for a request whose write lost the race for its key (another request stored it meanwhile): as
     * if the row had been there at the start. A row gone again (expired in between) is as good as in flight.
     */
    Response afterLostRace(String hookId, String key, String fingerprint) {
        KeyDecision decision =
                KeyDecision.decide(keys.find(hookId, key), fingerprint, System.currentTimeMillis(), windowMillis());
        if (decision.isReplay()) {
            return replay(decision.replay());
        }
        throw KeyDecision.inFlight();
    }

    private long windowMillis() {
        return settings.get().idempotencyWindowSeconds() * 1000L;
    }

    /** A stored answer as sent the first time, plus {@value #REPLAYED_HEADER}. */
    static Response replay(StoredAnswer answer) {
        return Response.status(answer.status())
                .type(mediaType(answer.contentType()))
                .entity(answer.body())
                .header(REPLAYED_HEADER, "true")
                .build();
    }

    /** An answer as {@link #replay} will send it again: HookResource builds its own answer with this. */
    static Response response(StoredAnswer answer) {
        return Response.status(answer.status())
                .type(mediaType(answer.contentType()))
                .entity(answer.body())
                .build();
    }

    private static final MediaType OK_MEDIA_TYPE = MediaType.valueOf(HookResource.OK_TYPE);
    private static final MediaType JSON_MEDIA_TYPE = MediaType.valueOf(HookResource.JSON_TYPE);

    /** The hook path's two answer types parsed once, not per request; a stored other type as it was stored. */
    private static MediaType mediaType(String contentType) {
        return switch (contentType) {
            case HookResource.OK_TYPE -> OK_MEDIA_TYPE;
            case HookResource.JSON_TYPE -> JSON_MEDIA_TYPE;
            default -> MediaType.valueOf(contentType);
        };
    }
}
