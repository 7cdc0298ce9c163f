package io.hookline.web.hooks;

import io.hookline.ejb.hook.HookDestination;
import io.hookline.ejb.idempotency.KeyDecision;
import io.hookline.ejb.idempotency.KeyRecord;
import io.hookline.ejb.idempotency.StoredAnswer;
import java.util.function.Function;

/**
 * One {@code POST /hooks/{id}} request's idempotency key, as {@link IdempotentRequests} found it: the key, and
 * once the body is read its fingerprint and what the key table said ({@link KeyDecision}). {@link #NONE} for a
 * request without the header: it records nothing.
 */
public final class KeyedRequest {

    /** No {@code Idempotency-Key}: the request is processed exactly as before the header existed. */
    public static final KeyedRequest NONE = new KeyedRequest(null, null);

    private final String hookId;
    private final String key;
    private String fingerprint;
    private KeyDecision decision;

    KeyedRequest(String hookId, String key) {
        this.hookId = hookId;
        this.key = key;
    }

    boolean hasKey() {
        return key != null;
    }

    String hookId() {
        return hookId;
    }

    String key() {
        return key;
    }

    void decided(String fingerprint, KeyDecision decision) {
        this.fingerprint = fingerprint;
        this.decision = decision;
    }

    /**
     * What {@code HookPoster} stores with the posts: the key row with the answer {@code answer} builds from the
     * destination (the very answer the resource then sends), or nothing without a key. The answer is built before
     * the commit, from the post ids generated before the write.
     */
    public Function<HookDestination, KeyRecord> recording(Function<HookDestination, StoredAnswer> answer) {
        if (!hasKey()) {
            return destination -> null;
        }
        if (decision == null) {
            throw new IllegalStateException("IdempotentRequests.storedAnswer was not asked before the write");
        }
        return destination ->
                decision.record(hookId, key, fingerprint, answer.apply(destination), System.currentTimeMillis());
    }
}
