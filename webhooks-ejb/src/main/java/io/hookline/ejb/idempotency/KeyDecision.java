package io.hookline.ejb.idempotency;

import io.hookline.api.error.HooklineException;

/**
 * What a keyed request gets, given what {@code idempotency_keys} holds for its hook and key: the rule in one place.
 * No row, or a row older than the window ({@code ServiceSettings.IdempotencyWindowSeconds}): the request is new
 * (and its write replaces the expired row). A row inside the window with the same fingerprint: the first answer
 * again. A row inside the window with another fingerprint: 422 {@value #REUSED}.
 */
public record KeyDecision(StoredAnswer replay, long expiredBefore) {

    public static final String REUSED = "idempotency_key_reused";
    public static final String IN_FLIGHT = "idempotency_key_in_flight";

    /** A new request, nothing stored for its key. */
    public static final KeyDecision NEW = new KeyDecision(null, 0);

    public boolean isReplay() {
        return replay != null;
    }

    /** The record the request's write adds, once its answer is known. */
    public KeyRecord record(String hookId, String key, String fingerprint, StoredAnswer answer, long now) {
        return new KeyRecord(hookId, key, fingerprint, answer, now, expiredBefore);
    }

    /**
     * @param stored       the row for this hook and key, or null
     * @param windowMillis how long a key holds; a row exactly that old is already expired
     */
    public static KeyDecision decide(StoredKey stored, String fingerprint, long now, long windowMillis) {
        if (stored == null) {
            return NEW;
        }
        if (now - stored.createdAt() >= windowMillis) {
            // The write deletes the expired row first: any row older than the window, never a fresh one.
            return new KeyDecision(null, now - windowMillis + 1);
        }
        if (!stored.fingerprint().equals(fingerprint)) {
            throw reused();
        }
        return new KeyDecision(stored.answer(), 0);
    }

    public static HooklineException reused() {
        return new HooklineException(
                422,
                REUSED,
                IdempotencyKey.HEADER + " was already used for a different request "
                        + "to this hook (another body, Content-Type or query); use a new key for a new message.");
    }

    public static HooklineException inFlight() {
        return new HooklineException(
                409,
                IN_FLIGHT,
                "A request with this " + IdempotencyKey.HEADER
                        + " is still being processed; retry once it has been answered.");
    }
}
