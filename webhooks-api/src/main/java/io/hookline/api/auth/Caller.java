package io.hookline.api.auth;

/** Who is calling a service: resolved once from a session token at the edge, passed down explicitly. */
public record Caller(String userId, boolean systemAdmin) {
}
