package io.hookline.ejb.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The keys this server is processing now, for the fast 409 {@code idempotency_key_in_flight}: a repeat that
 * arrives while the first request is still being read, parsed or committed. Per node on purpose: across nodes (and
 * when this set is full) the database's unique key on (hook_id, idem_key) still lets only one request store, and
 * the other then gets the stored answer ({@code KeyAlreadyStored}) — this set only makes the common case cheap.
 * <p>
 * Bounded by {@link #MAX_IN_FLIGHT}. When it is full a keyed request is processed without a claim rather than
 * refused: it stays exactly-once (the database arbitrates), only a concurrent repeat on this node may get the
 * first answer or a 503 instead of the 409. Refusing would turn a burst of good requests into failures.
 * A claim is released when its request ends; one older than {@link #STALE_AFTER_MILLIS} (a request cannot run
 * that long: the post writer gives up after 5 s) is taken over, so a claim that was somehow never released cannot
 * block its key for good.
 */
@ApplicationScoped
public class InFlightKeys {

    /** Claims held at once: the post writer's queue (4,096) plus the requests still reading their bodies. */
    public static final int MAX_IN_FLIGHT = 8_192;
    /** A claim this old is considered abandoned. */
    public static final long STALE_AFTER_MILLIS = 120_000;

    /** One request's hold on a key; compared by identity, so a taken-over claim cannot release its successor. */
    private static final class Holder {
        final long since;

        Holder(long since) {
            this.since = since;
        }
    }

    private final ConcurrentHashMap<String, Holder> claims = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    public InFlightKeys() {
        this(MAX_IN_FLIGHT);
    }

    /** For tests: a smaller bound. */
    InFlightKeys(int capacity) {
        this.capacity = capacity;
    }

    /** A held claim; {@link #release()} gives it back (once; later calls do nothing). */
    public interface Claim {
        void release();
    }

    /** Nothing held: the set was full, so the database alone arbitrates this request. */
    public static final Claim UNCLAIMED = () -> {};

    /**
     * Claims the key for this request, or throws 409 {@code idempotency_key_in_flight} when another request of
     * this server holds it. Returns {@link #UNCLAIMED} when the set is full.
     */
    public Claim claim(String hookId, String key, long now) {
        String id = hookId + '\n' + key;
        Holder current = claims.get(id);
        if (current != null && now - current.since < STALE_AFTER_MILLIS) {
            // Held: a 409 even when the set is full.
            throw KeyDecision.inFlight();
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return UNCLAIMED;
        }
        Holder[] previous = new Holder[1];
        Holder token = new Holder(now);
        Holder held = claims.compute(id, (k, existing) -> {
            previous[0] = existing;
            if (existing == null || now - existing.since >= STALE_AFTER_MILLIS) {
                return token;
            }
            return existing;
        });
        if (held != token) {
            size.decrementAndGet();
            throw KeyDecision.inFlight();
        }
        if (previous[0] != null) {
            // Took over an abandoned claim: it no longer counts.
            size.decrementAndGet();
        }
        return new Claim() {
            private boolean released;

            @Override
            public synchronized void release() {
                if (!released) {
                    released = true;
                    if (claims.remove(id, token)) {
                        size.decrementAndGet();
                    }
                }
            }
        };
    }

    /** Claims held now. */
    public int size() {
        return size.get();
    }
}
