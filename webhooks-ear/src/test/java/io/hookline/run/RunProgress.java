package io.hookline.run;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The run profiles' progress lines: what is being done, how far into the build ({@code [+95 s]}, counted from
 * Maven's start, since the start classes run inside Maven's JVM, so the download and unpacking before them are in
 * the figure) and, for a step that takes long, a line every {@link #HEARTBEAT} while it still runs and one with
 * its duration at the end: a first start is minutes of work, and minutes of silence look like a hang.
 */
final class RunProgress {

    /** How long a step may be silent before a line says it still runs. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private static final long STARTED_MILLIS =
            ManagementFactory.getRuntimeMXBean().getStartTime();

    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "run-progress");
        thread.setDaemon(true); // never keeps Maven from exiting
        return thread;
    });

    private RunProgress() {}

    /** Whole seconds since Maven started. */
    static long elapsedSeconds() {
        return Math.max(0, (System.currentTimeMillis() - STARTED_MILLIS) / 1000);
    }

    static void say(String message) {
        System.out.println("[+" + elapsedSeconds() + " s] " + message);
    }

    /** A step under way; {@link #done()} says how long it took and ends its heartbeat. */
    static Step begin(String what) {
        return begin(what, () -> 0L);
    }

    /**
     * As {@link #begin(String)}, but the heartbeat stays quiet while the step says something itself: for
     * {@link #HEARTBEAT} after {@code lastOutputMillis} (the wall-clock time of, say, a command's last output
     * line; 0 for none yet).
     */
    static Step begin(String what, LongSupplier lastOutputMillis) {
        say(what + " …");
        return track(what, lastOutputMillis);
    }

    /** As {@link #begin(String, LongSupplier)} for a step whose start its caller announced already. */
    static Step track(String what, LongSupplier lastOutputMillis) {
        return new Step(what, lastOutputMillis);
    }

    /** Work a step does; it may throw anything the start classes throw. */
    interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} as one step: its start, its heartbeat, its duration. */
    static void step(String what, Work work) throws Exception {
        Step step = begin(what);
        try {
            work.run();
            step.done();
        } finally {
            step.abandon(); // after done(), a no-op
        }
    }

    static final class Step {

        private final String what;
        private final long began = System.nanoTime();
        private final ScheduledFuture<?> heartbeat;

        private Step(String what, LongSupplier lastOutputMillis) {
            this.what = what;
            long period = HEARTBEAT.toMillis();
            this.heartbeat = TICKER.scheduleAtFixedRate(
                    () -> {
                        long last = lastOutputMillis.getAsLong();
                        if (last == 0 || System.currentTimeMillis() - last >= period) {
                            say("  still " + what + " (" + seconds() + " s so far)");
                        }
                    },
                    period,
                    period,
                    TimeUnit.MILLISECONDS);
        }

        long seconds() {
            return Duration.ofNanos(System.nanoTime() - began).toSeconds();
        }

        void done() {
            heartbeat.cancel(false);
            say(what + ": done in " + seconds() + " s");
        }

        /** Ends the heartbeat without a "done" line (the step failed; its exception says why). */
        void abandon() {
            heartbeat.cancel(false);
        }
    }
}
