package io.hookline.web.console.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the console's password check found out besides valid/invalid, for the sign-in page of the same
 * request: Jakarta Security's identity store can only answer valid or invalid, but the page must tell a
 * locked account and a throttled address apart from a wrong password, and bind the new HTTP session to the
 * account's credential version.
 */
@RequestScoped
public class SignInOutcome {

    private String refusal;
    private long retryAfterSeconds;
    private Long credentialVersion;

    void refused(String sentence, long retryAfterSeconds) {
        this.refusal = sentence;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    void signedIn(long version) {
        this.credentialVersion = version;
    }

    /** The sentence to show instead of "wrong username or password", or null. */
    String refusal() {
        return refusal;
    }

    /** Seconds to wait when the address was throttled; 0 otherwise. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Long credentialVersion() {
        return credentialVersion;
    }
}
