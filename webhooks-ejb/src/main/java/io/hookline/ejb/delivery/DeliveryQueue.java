package io.hookline.ejb.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hand-over between hook requests and the log's writer: bounded, so a flood or a database outage costs at
 * most {@code capacity} small records of memory. Offering never blocks; what does not fit is counted and lost.
 */
final class DeliveryQueue {

    private final ArrayBlockingQueue<DeliveryAttempt> queue;
    private final int capacity;
    private final AtomicLong dropped = new AtomicLong();

    DeliveryQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Keeps the attempt unless the queue is full; false (and counted) when it had to be dropped. */
    boolean offer(DeliveryAttempt attempt) {
        if (queue.offer(attempt)) {
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    /** Takes up to {@code max} attempts, oldest first. */
    List<DeliveryAttempt> drain(int max) {
        List<DeliveryAttempt> batch = new ArrayList<>(Math.min(max, queue.size()));
        queue.drainTo(batch, max);
        return batch;
    }

    int size() {
        return queue.size();
    }

    int capacity() {
        return capacity;
    }

    /** Attempts dropped because the queue was full, since it was made. */
    long dropped() {
        return dropped.get();
    }
}
