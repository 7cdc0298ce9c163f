package io.hookline.ejb.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Meters per label value, at most {@code max} distinct values: the first {@code max} values seen get meters of
 * their own, every later one shares the overflow's. A label that requests can influence must never grow the
 * number of series without bound (each is memory here and in Prometheus). The meters of a value are made once
 * ({@code create}) and then found with one map read, so recording costs no allocation.
 *
 * @param <M> what one label value holds (a counter, or a few)
 */
public final class BoundedSeries<M> {

    private final int max;
    private final Function<String, M> create;
    private final M overflow;
    private final Map<String, M> seen = new ConcurrentHashMap<>();

    /**
     * @param max distinct values with meters of their own (0: every value shares the overflow's)
     * @param overflowLabel the label value the rest share
     * @param create the meters of one label value
     */
    public BoundedSeries(int max, String overflowLabel, Function<String, M> create) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        this.max = max;
        this.create = create;
        this.overflow = create.apply(overflowLabel);
    }

    /** The meters of {@code label}: its own while fewer than {@code max} values were seen, else the overflow's. */
    public M of(String label) {
        M found = seen.get(label);
        if (found != null) {
            return found;
        }
        if (seen.size() >= max) {
            return overflow;
        }
        synchronized (seen) {
            // Checked again under the lock, so two first requests cannot take the last two places for one value.
            found = seen.get(label);
            if (found != null) {
                return found;
            }
            if (seen.size() >= max) {
                return overflow;
            }
            M made = create.apply(label);
            seen.put(label, made);
            return made;
        }
    }

    /** Label values with meters of their own now; at most {@code max}. */
    public int size() {
        return seen.size();
    }
}
