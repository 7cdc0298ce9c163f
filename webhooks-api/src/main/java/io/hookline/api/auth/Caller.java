package io.hookline.api.auth;

/**
 * Who is calling a service: resolved once from a session token at the edge, passed down explicitly.
 * {@code remoteAddress} is the address the request came from, as the server saw it (empty when the call
 * did not come from a request); the audit log records it.
 */
public record Caller(String userId, boolean systemAdmin, String remoteAddress) {

    public Caller {
        remoteAddress = remoteAddress == null ? "" : remoteAddress;
    }

    /** A caller not tied to a request (the server acting on a user's behalf). */
    public Caller(String userId, boolean systemAdmin) {
        this(userId, systemAdmin, "");
    }

    /** The same caller, calling from {@code address}. */
    public Caller from(String address) {
        return new Caller(userId, systemAdmin, address);
    }
}
