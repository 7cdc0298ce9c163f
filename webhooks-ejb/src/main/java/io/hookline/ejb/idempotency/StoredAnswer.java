package io.hookline.ejb.idempotency;

import java.util.Arrays;
import java.util.Objects;

/**
 * A hook request's answer as the sender received it: status, Content-Type and body bytes. Built by the edge
 * before the commit (the post ids are known before the write) and stored with the posts, so a retry gets
 * exactly these bytes again.
 */
public record StoredAnswer(int status, String contentType, byte[] body) {

    public StoredAnswer {
        Objects.requireNonNull(contentType, "contentType");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredAnswer that
                && status == that.status
                && contentType.equals(that.contentType)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "StoredAnswer[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
}
