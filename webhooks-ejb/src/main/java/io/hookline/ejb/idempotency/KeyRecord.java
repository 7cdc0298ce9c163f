package io.hookline.ejb.idempotency;

/**
 * The row a keyed hook request adds to {@code idempotency_keys}, in the transaction that stores its posts
 * ({@code post.PostWriter}). {@code expiredBefore}: when a row for the same key exists but is past the window, the
 * same transaction first deletes it — only if its created_at is before this instant, so never a fresh row another
 * node stored meanwhile (0: nothing to replace).
 */
public record KeyRecord(
        String hookId, String key, String fingerprint, StoredAnswer answer, long createdAt, long expiredBefore) {

    public boolean replacesExpired() {
        return expiredBefore > 0;
    }
}
