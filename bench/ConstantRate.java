import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A constant-rate load client (what wrk2 does; Debian has only wrk), run as a single-file program:
 *
 * <pre>
 * java bench/ConstantRate.java --url http://127.0.0.1:8080/hooks/ --hooks hooks.txt \
 *      [--rate 1000] [--duration 60] [--warmup 0] [--timeout 10] [--max-in-flight 2000] PAYLOAD_FILE...
 * </pre>
 *
 * Request i is due at {@code start + i / rate}; it is sent then (or at once, when the sender is late) and its
 * latency is counted from when it was due, not from when it left. A stalled server therefore shows up as
 * latency of every request that should have gone out meanwhile, instead of as a pause in sending
 * (coordinated omission, which wrk's closed loop has). {@code --warmup S} first sends at the same rate for S
 * seconds, not measured: the client's own JIT and connection ramp-up would otherwise be charged to the server
 * (wrk2 likewise calibrates before measuring). Requests rotate over the hook ids (one a line, appended
 * to the URL) and the payload files; a file ending in {@code .form} is sent as
 * {@code application/x-www-form-urlencoded}, any other as {@code application/json}.
 *
 * Success is status 200 with the body exactly {@code ok}; anything else, a failed connection, or no answer
 * within the timeout is an error. Latency percentiles are over the requests that got an HTTP answer. The last
 * line is {@code RESULT key=value...} for bench/hooks-bench.sh; its {@code unconfirmed} counts the requests that
 * were sent but not answered {@code ok} (they may have been stored all the same).
 */
public final class ConstantRate {

    /** How long past the last due time the client waits for answers still on their way. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        List<String> hooks = Files.readAllLines(o.hooksFile).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<Payload> payloads = new ArrayList<>();
        for (Path file : o.payloadFiles) {
            payloads.add(Payload.of(file));
        }
        if (hooks.isEmpty() || payloads.isEmpty()) {
            throw new IllegalArgumentException("need at least one hook id and one payload file");
        }
        HttpRequest[] requests = new HttpRequest[hooks.size() * payloads.size()];
        for (int i = 0; i < requests.length; i++) {
            Payload p = payloads.get(i % payloads.size());
            requests[i] = HttpRequest.newBuilder(URI.create(o.url + hooks.get(i % hooks.size())))
                    .timeout(o.timeout)
                    .header("Content-Type", p.contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(p.body))
                    .build();
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(o.timeout)
                .build();

        warmUp(client, URI.create(o.url), o.timeout);
        // The client's own JIT and connection ramp-up, not the server's: not measured (wrk2's calibration).
        Run calibration = o.warmupSeconds == 0 ? null : send(client, requests, o.rate, o.warmupSeconds, o.maxInFlight);
        Run run = send(client, requests, o.rate, o.durationSeconds, o.maxInFlight);
        int total = run.latencyNanos.length;
        long[] latencyNanos = run.latencyNanos;
        AtomicInteger ok = run.ok, badStatus = run.badStatus, failed = run.failed, refusedLocally = run.refusedLocally;
        AtomicLong maxSenderLagNanos = run.maxSenderLagNanos;
        String[] firstError = run.firstError;
        int unanswered = run.unanswered;
        double seconds = run.seconds;

        long[] answered = Arrays.stream(latencyNanos).filter(l -> l >= 0).sorted().toArray();
        int errors = badStatus.get() + failed.get() + refusedLocally.get() + unanswered;
        System.out.printf(Locale.ROOT, "constant rate: %d req/s for %d s to %s (%d hooks, %d payloads)%n",
                o.rate, o.durationSeconds, o.url, hooks.size(), payloads.size());
        System.out.printf(Locale.ROOT, "  sent %d, ok %d, non-ok answers %d, failed %d, not sent (in flight >= %d) %d,"
                        + " unanswered after %d s %d%n", total - refusedLocally.get(), ok.get(), badStatus.get(),
                failed.get(), o.maxInFlight, refusedLocally.get(), DRAIN_LIMIT.toSeconds(), unanswered);
        System.out.printf(Locale.ROOT, "  latency from due time: p50 %s, p99 %s, p99.9 %s, max %s; sender at most %s late%n",
                ms(percentile(answered, 50)), ms(percentile(answered, 99)), ms(percentile(answered, 99.9)),
                ms(answered.length == 0 ? -1 : answered[answered.length - 1]), ms(maxSenderLagNanos.get()));
        System.out.println("  slowest seconds (by their worst answer): " + slowestSeconds(run, 5));
        if (firstError[0] != null) {
            System.out.println("  first error: " + firstError[0]);
        }
        if (calibration != null) {
            System.out.printf(Locale.ROOT, "  before it, %d s at the same rate, not measured: ok %d, not ok %d, not sent"
                            + " (in flight >= %d) %d%n", o.warmupSeconds, calibration.ok.get(), calibration.unconfirmed(),
                    o.maxInFlight, calibration.refusedLocally.get());
        }
        System.out.printf(Locale.ROOT, "RESULT requests=%d ok=%d errors=%d seconds=%.3f ok_per_s=%.1f"
                        + " p50_us=%d p99_us=%d p999_us=%d max_us=%d unanswered=%d unconfirmed=%d"
                        + " warmup_ok=%d warmup_unconfirmed=%d%n",
                total, ok.get(), errors, seconds, ok.get() / seconds,
                micros(percentile(answered, 50)), micros(percentile(answered, 99)), micros(percentile(answered, 99.9)),
                micros(answered.length == 0 ? -1 : answered[answered.length - 1]), unanswered,
                // Requests that reached the server without an ok seen here: the only ones that may be stored unseen.
                run.unconfirmed(),
                // The warm-up's posts are stored too: the durability check counts them.
                calibration == null ? 0 : calibration.ok.get(), calibration == null ? 0 : calibration.unconfirmed());
        System.exit(0);
    }

    /** What one constant-rate run saw. */
    private record Run(long[] latencyNanos, long[] dueOffsetNanos, AtomicInteger ok, AtomicInteger badStatus,
                       AtomicInteger failed, AtomicInteger refusedLocally, AtomicLong maxSenderLagNanos,
                       String[] firstError, int unanswered, double seconds) {

        int unconfirmed() {
            return badStatus.get() + failed.get() + unanswered;
        }
    }

    /** Sends {@code rate} requests a second for {@code durationSeconds}, then waits for the answers still due. */
    private static Run send(HttpClient client, HttpRequest[] requests, int rate, int durationSeconds, int maxInFlight)
            throws InterruptedException {
        int total = Math.toIntExact((long) rate * durationSeconds);
        long[] latencyNanos = new long[total];
        long[] dueOffsetNanos = new long[total];
        Arrays.fill(latencyNanos, -1);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger badStatus = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger refusedLocally = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicLong maxSenderLagNanos = new AtomicLong();
        String[] firstError = new String[1];

        double nanosPerRequest = 1e9 / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * nanosPerRequest);
            dueOffsetNanos[i] = due - start;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (-wait > maxSenderLagNanos.get()) {
                maxSenderLagNanos.set(-wait);
            }
            if (inFlight.get() >= maxInFlight) {
                // The server is far behind: counting this one as an error keeps the client from opening
                // connections without bound, and the run still ends on time.
                refusedLocally.incrementAndGet();
                finished.incrementAndGet();
                continue;
            }
            inFlight.incrementAndGet();
            final int index = i;
            client.sendAsync(requests[i % requests.length], HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        long now = System.nanoTime();
                        if (error == null) {
                            latencyNanos[index] = now - due;
                            if (response.statusCode() == 200 && "ok".equals(response.body())) {
                                ok.incrementAndGet();
                            } else {
                                badStatus.incrementAndGet();
                                remember(firstError, response.statusCode() + " " + response.body());
                            }
                        } else {
                            failed.incrementAndGet();
                            remember(firstError, String.valueOf(error));
                        }
                        inFlight.decrementAndGet();
                        finished.incrementAndGet();
                    });
        }
        long lastDue = start + (long) ((total - 1) * nanosPerRequest);
        long drainUntil = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (finished.get() < total && System.nanoTime() < drainUntil) {
            Thread.sleep(10);
        }
        double seconds = (lastDue - start) / 1e9 + 1.0 / rate;
        return new Run(latencyNanos, dueOffsetNanos, ok, badStatus, failed, refusedLocally, maxSenderLagNanos,
                firstError, total - finished.get(), seconds);
    }

    /**
     * The seconds of the run with the slowest answers, worst first: when the percentiles are bad, whether it
     * was one stall (and when) or the whole run.
     */
    static String slowestSeconds(Run run, int count) {
        java.util.Map<Integer, Long> worstPerSecond = new java.util.TreeMap<>();
        for (int i = 0; i < run.latencyNanos.length; i++) {
            if (run.latencyNanos[i] >= 0) {
                worstPerSecond.merge((int) (run.dueOffsetNanos[i] / 1_000_000_000L), run.latencyNanos[i], Math::max);
            }
        }
        return worstPerSecond.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(count)
                .map(e -> String.format(Locale.ROOT, "s%d %s", e.getKey(), ms(e.getValue())))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * A few GETs that post nothing (the hook path answers them 405) load the HTTP client's classes and open a
     * connection, so the first timed requests do not wait for that.
     */
    static final int WARM_UP_REQUESTS = 20;

    private static void warmUp(HttpClient client, URI url, Duration timeout) throws InterruptedException {
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            try {
                client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException ignored) {
                // the timed run will count what fails
            }
        }
    }

    private static synchronized void remember(String[] first, String error) {
        if (first[0] == null) {
            first[0] = error.length() > 300 ? error.substring(0, 300) + "…" : error;
        }
    }

    /** Nearest-rank percentile of sorted values; -1 when there are none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    private static long micros(long nanos) {
        return nanos < 0 ? -1 : nanos / 1000;
    }

    private record Payload(String contentType, byte[] body) {
        static Payload of(Path file) throws IOException {
            String type = file.toString().endsWith(".form") ? "application/x-www-form-urlencoded" : "application/json";
            return new Payload(type, Files.readAllBytes(file));
        }
    }

    private record Options(String url, Path hooksFile, int rate, int durationSeconds, int warmupSeconds, Duration timeout,
                           int maxInFlight,
                           List<Path> payloadFiles) {

        static Options parse(String[] args) {
            String url = null;
            Path hooks = null;
            int rate = 1000;
            int duration = 60;
            int timeout = 10;
            int maxInFlight = 1000;
            int warmup = 0;
            List<Path> payloads = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> url = args[++i];
                    case "--hooks" -> hooks = Path.of(args[++i]);
                    case "--rate" -> rate = positive(args[i], args[++i]);
                    case "--duration" -> duration = positive(args[i], args[++i]);
                    case "--timeout" -> timeout = positive(args[i], args[++i]);
                    case "--max-in-flight" -> maxInFlight = positive(args[i], args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        payloads.add(Path.of(args[i]));
                    }
                }
            }
            if (url == null || hooks == null) {
                throw new IllegalArgumentException("usage: java bench/ConstantRate.java --url URL-PREFIX --hooks FILE"
                        + " [--rate N] [--duration S] [--warmup S] [--timeout S] [--max-in-flight N] PAYLOAD_FILE...");
            }
            return new Options(url, hooks, rate, duration, warmup, Duration.ofSeconds(timeout), maxInFlight, payloads);
        }

        private static int positive(String option, String value) {
            int n = Integer.parseInt(value);
            if (n <= 0) {
                throw new IllegalArgumentException(option + " must be positive");
            }
            return n;
        }
    }
}
