package io.hookline.web.hooks;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A hook request's body that counts what was read of it, for the delivery log's size: the bytes read
 * when the body was read to its end, otherwise (refused before or while reading) the request's
 * Content-Length when it has one, else what was read.
 */
final class CountedBody extends FilterInputStream {

    private long count;
    private boolean ended;

    CountedBody(InputStream body) {
        super(body);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            ended = true;
        } else {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            ended = true;
        } else {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += skipped;
        return skipped;
    }

    /** No mark and reset: a re-read would be counted twice. */
    @Override
    public boolean markSupported() {
        return false;
    }

    /** The body's size as the delivery log shows it (see the class comment); {@code contentLength} -1 when absent. */
    long size(long contentLength) {
        if (ended || contentLength < 0) {
            return count;
        }
        return Math.max(count, contentLength);
    }
}
