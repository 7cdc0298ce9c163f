package io.hookline.ejb.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of what decides a hook request's answer besides its hook: the Content-Type (the same bytes are another
 * payload as a form than as JSON), the query string ({@code ?wait=true} answers another body) and the body bytes.
 * A retry sends all three unchanged; any difference is "the same key with a different request" (422). Each part
 * is length-prefixed so no two different requests hash the same concatenation.
 */
public final class RequestFingerprint {

    /** Hex characters of a SHA-256: the column width. */
    public static final int LENGTH = 64;

    private RequestFingerprint() {}

    public static String of(String contentType, String query, byte[] body) {
        MessageDigest sha = sha256();
        part(sha, contentType == null ? null : contentType.getBytes(StandardCharsets.UTF_8));
        part(sha, query == null ? null : query.getBytes(StandardCharsets.UTF_8));
        part(sha, body);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void part(MessageDigest sha, byte[] bytes) {
        // -1 for "absent", so a missing header and an empty one differ too.
        int length = bytes == null ? -1 : bytes.length;
        sha.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        if (bytes != null) {
            sha.update(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
