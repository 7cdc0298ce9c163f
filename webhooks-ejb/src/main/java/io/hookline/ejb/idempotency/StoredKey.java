package io.hookline.ejb.idempotency;

/** A key as {@code idempotency_keys} holds it: the request's fingerprint, its answer and when it was stored. */
public record StoredKey(String fingerprint, StoredAnswer answer, long createdAt) {}
