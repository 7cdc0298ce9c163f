package io.hookline.ejb.idempotency;

/**
 * A keyed request's write failed because its key was stored meanwhile: another request with the same key (on
 * another node, or on this one past the in-flight set) committed first. Nothing of this request was stored. The
 * edge reads the stored row and answers as if the row had been there at the start: the first answer again, or
 * 422 for a different request. Rare by design: the in-flight set and the look-up before the write catch the
 * common repeats, so this is an exception, not a return value.
 */
public class KeyAlreadyStored extends RuntimeException {

    private final String hookId;
    private final String key;
    private final String fingerprint;

    public KeyAlreadyStored(KeyRecord record, Throwable cause) {
        super("Idempotency key already stored for this hook", cause);
        this.hookId = record.hookId();
        this.key = record.key();
        this.fingerprint = record.fingerprint();
    }

    public String hookId() {
        return hookId;
    }

    public String key() {
        return key;
    }

    public String fingerprint() {
        return fingerprint;
    }
}
