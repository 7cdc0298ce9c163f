import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time goes in a JFR recording of the server under load (JDK 17's {@code jfr} has no
 * {@code view hot-methods}), run as a single-file program:
 *
 * <pre>
 * java bench/JfrProfile.java recording.jfr [top-n]
 * </pre>
 *
 * Prints, from the CPU samples ({@code jdk.ExecutionSample}): the share of each component (Jersey, JSON,
 * Slack translation, EclipseLink, JDBC driver, ...) charged with the sample's first frame outside the JDK, the
 * share of samples each component appears in at all, the hottest top frames and first non-JDK frames, and a
 * few known hot-path smells (regex compilation, SecureRandom, exceptions, logging). Then where threads wait:
 * native samples (socket reads: the database round trips and commit waits), monitor and park contention, socket
 * reads, and garbage collection.
 */
public final class JfrProfile {

    /** Components in the order they are tried; the first whose prefix matches a frame's class wins. */
    static final Map<String, List<String>> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("Slack translation + markdown", List.of("io.hookline.ejb.slack.",
                "io.hookline.web.console.channel.MarkdownRenderer", "org.commonmark.", "net.fellbaum.jemoji.",
                "org.nibor.autolink."));
        COMPONENTS.put("Hookline web edge (/hooks parse)", List.of("io.hookline.web."));
        COMPONENTS.put("Hookline rate limiter", List.of("io.hookline.ejb.ratelimit."));
        COMPONENTS.put("Hookline other", List.of("io.hookline."));
        COMPONENTS.put("Rate limit store (Bucket4j, JCache, Hazelcast)", List.of("io.github.bucket4j.", "com.hazelcast.",
                "fish.payara.jcache.", "fish.payara.cdi.jsr107.", "javax.cache."));
        COMPONENTS.put("JSON (Parsson, Yasson, Jackson)", List.of("org.eclipse.parsson.", "org.glassfish.json.",
                "org.eclipse.yasson.", "com.fasterxml.jackson.", "jakarta.json."));
        COMPONENTS.put("EclipseLink (JPA)", List.of("org.eclipse.persistence."));
        COMPONENTS.put("PostgreSQL JDBC driver", List.of("org.postgresql."));
        COMPONENTS.put("JDBC pool + connectors", List.of("com.sun.enterprise.resource.", "com.sun.gjc.",
                "com.sun.enterprise.connectors.", "com.sun.appserv.connectors.", "org.glassfish.resourcebase."));
        COMPONENTS.put("Transactions (JTA)", List.of("com.sun.enterprise.transaction.", "com.sun.jts.",
                "org.glassfish.transaction.", "com.sun.enterprise.distributedtx."));
        COMPONENTS.put("EJB container", List.of("com.sun.ejb.", "org.glassfish.ejb."));
        COMPONENTS.put("CDI (Weld)", List.of("org.jboss.weld."));
        COMPONENTS.put("Jersey (JAX-RS)", List.of("org.glassfish.jersey.", "jakarta.ws.rs."));
        COMPONENTS.put("Security", List.of("com.sun.enterprise.security.", "org.glassfish.soteria.",
                "org.glassfish.exousia.", "com.sun.web.security."));
        COMPONENTS.put("Servlet container (Catalina)", List.of("org.apache.catalina.", "org.apache.coyote.",
                "com.sun.enterprise.web.", "org.glassfish.web."));
        COMPONENTS.put("Grizzly (HTTP I/O)", List.of("org.glassfish.grizzly."));
        COMPONENTS.put("Logging", List.of("java.util.logging.", "com.sun.enterprise.server.logging.",
                "fish.payara.logging.", "org.glassfish.main.jul."));
        COMPONENTS.put("Payara other", List.of("fish.payara.", "com.sun.enterprise.", "org.glassfish.", "com.sun.appserv.",
                "org.jvnet.hk2.", "org.glassfish.hk2."));
    }

    /** Frames of these packages are the JDK's: a sample is charged to the first frame below them. */
    static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.crypto.", "com.sun.proxy.",
            "com.sun.management.", "com.sun.jmx.", "com.sun.org.");

    static final String NO_COMPONENT = "JDK / VM only";

    /** Payara's request threads: the wait sections look at these only (Hazelcast's idle threads park too). */
    static boolean isRequestThread(RecordedEvent e, String field) {
        return e.getThread(field) != null && e.getThread(field).getJavaName() != null
                && e.getThread(field).getJavaName().startsWith("http-thread-pool");
    }

    /** Methods the hot path should not be in for every request; counted wherever they appear in a stack. */
    static final Map<String, Predicate<String>> SMELLS = new LinkedHashMap<>();

    static {
        SMELLS.put("regex compilation (Pattern.compile)", m -> m.startsWith("java.util.regex.Pattern.compile")
                || m.startsWith("java.util.regex.Pattern.<init>"));
        SMELLS.put("SecureRandom (ids)", m -> m.startsWith("java.security.SecureRandom."));
        SMELLS.put("exceptions (Throwable.fillInStackTrace)", m -> m.startsWith("java.lang.Throwable.fillInStackTrace"));
        SMELLS.put("logging (java.util.logging.Logger.log*)", m -> m.startsWith("java.util.logging.Logger.log"));
        SMELLS.put("markdown renderer construction",
                m -> m.startsWith("io.hookline.web.console.channel.MarkdownRenderer.<init>"));
        SMELLS.put("JPQL/SQL preparation (EclipseLink prepareCall/prepareStatement)",
                m -> m.startsWith("org.eclipse.persistence.internal.databaseaccess.DatabaseAccessor.prepareStatement"));
        SMELLS.put("PostgreSQL commit (PgConnection.commit)", m -> m.startsWith("org.postgresql.jdbc.PgConnection.commit"));
        SMELLS.put("JSON-P provider look-up (JsonProvider.provider, a ServiceLoader scan per call)",
                m -> m.startsWith("jakarta.json.spi.JsonProvider.provider"));
        SMELLS.put("ServiceLoader / class-loader resource scans", m -> m.startsWith("java.util.ServiceLoader")
                || m.endsWith(".findResources") || m.endsWith(".getResources"));
        SMELLS.put("JNDI look-ups (InitialContext.lookup)", m -> m.startsWith("javax.naming.InitialContext.lookup"));
        SMELLS.put("CDI.current() (a bean manager search per call)", m -> m.startsWith("jakarta.enterprise.inject.spi.CDI.current"));
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java bench/JfrProfile.java RECORDING.jfr [top-n]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Profile p = new Profile();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                p.add(recording.readEvent());
            }
        }
        p.print(file, top);
    }

    static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    static boolean isJdk(String method) {
        for (String prefix : JDK) {
            if (method.startsWith(prefix)) {
                return !method.startsWith("java.util.logging.");
            }
        }
        return false;
    }

    static String componentOf(String method) {
        for (Map.Entry<String, List<String>> c : COMPONENTS.entrySet()) {
            for (String prefix : c.getValue()) {
                if (method.startsWith(prefix)) {
                    return c.getKey();
                }
            }
        }
        return null;
    }

    /** The first frame from the top that is not the JDK's, or null. */
    static String firstOwnFrame(RecordedStackTrace stack) {
        if (stack == null) {
            return null;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.isJavaFrame()) {
                String m = method(frame);
                if (!isJdk(m)) {
                    return m;
                }
            }
        }
        return null;
    }

    static String topFrame(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return "(no stack)";
        }
        return method(stack.getFrames().get(0));
    }

    static final class Counter {
        final Map<String, Long> counts = new HashMap<>();

        void add(String key, long amount) {
            counts.merge(key == null ? "(none)" : key, amount, Long::sum);
        }

        List<Map.Entry<String, Long>> top(int n) {
            List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
            entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            return entries.subList(0, Math.min(n, entries.size()));
        }

        long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static final class Profile {
        long cpuSamples;
        final Counter ownerComponent = new Counter();
        final Counter inComponent = new Counter();
        final Counter topFrames = new Counter();
        final Counter ownFrames = new Counter();
        final Counter hooklineSteps = new Counter();
        final Counter threadGroups = new Counter();
        final Counter smells = new Counter();
        final Map<String, Counter> smellCallers = new HashMap<>();
        long nativeSamples;
        final Counter nativeOwn = new Counter();
        final Counter monitorNanos = new Counter();
        long monitorCount;
        final Counter parkNanos = new Counter();
        long parkCount;
        final Counter socketReadNanos = new Counter();
        long socketReads;
        long gcCount;
        long gcPauseNanos;
        long gcLongestPauseNanos;
        double jvmCpu;
        double machineCpu;
        long cpuLoadEvents;
        Instant first;
        Instant last;

        void add(RecordedEvent e) {
            // The recording's length by its CPU samples: other events may have begun before it started.
            if (e.getEventType().getName().equals("jdk.ExecutionSample")) {
                if (first == null || e.getStartTime().isBefore(first)) {
                    first = e.getStartTime();
                }
                if (last == null || e.getEndTime().isAfter(last)) {
                    last = e.getEndTime();
                }
            }
            switch (e.getEventType().getName()) {
                case "jdk.ExecutionSample" -> cpuSample(e);
                case "jdk.NativeMethodSample" -> {
                    if (!isRequestThread(e, "sampledThread")) {
                        return;
                    }
                    nativeSamples++;
                    nativeOwn.add(firstOwnFrame(e.getStackTrace()) + "  <- " + topFrame(e.getStackTrace()), 1);
                }
                case "jdk.JavaMonitorEnter" -> {
                    if (!isRequestThread(e, "eventThread")) {
                        return;
                    }
                    monitorCount++;
                    String monitor = e.getClass("monitorClass") == null ? "?" : e.getClass("monitorClass").getName();
                    monitorNanos.add(monitor + " at " + firstOwnFrame(e.getStackTrace()), e.getDuration().toNanos());
                }
                case "jdk.ThreadPark" -> {
                    if (!isRequestThread(e, "eventThread")) {
                        return;
                    }
                    parkCount++;
                    parkNanos.add(firstOwnFrame(e.getStackTrace()), e.getDuration().toNanos());
                }
                case "jdk.SocketRead" -> {
                    if (!isRequestThread(e, "eventThread")) {
                        return;
                    }
                    socketReads++;
                    socketReadNanos.add(e.getString("host") + ":" + e.getInt("port") + " from "
                            + firstOwnFrame(e.getStackTrace()), e.getDuration().toNanos());
                }
                case "jdk.GarbageCollection" -> {
                    gcCount++;
                    long pause = e.getDuration("sumOfPauses").toNanos();
                    gcPauseNanos += pause;
                    gcLongestPauseNanos = Math.max(gcLongestPauseNanos, e.getDuration("longestPause").toNanos());
                }
                case "jdk.CPULoad" -> {
                    cpuLoadEvents++;
                    jvmCpu += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                    machineCpu += e.getFloat("machineTotal");
                }
                default -> {
                }
            }
        }

        private void cpuSample(RecordedEvent e) {
            cpuSamples++;
            RecordedStackTrace stack = e.getStackTrace();
            threadGroups.add(e.getThread("sampledThread") == null ? "?"
                    : e.getThread("sampledThread").getJavaName().replaceAll("\\d+", "#"), 1);
            topFrames.add(topFrame(stack), 1);
            String own = firstOwnFrame(stack);
            ownFrames.add(own, 1);
            ownerComponent.add(own == null ? NO_COMPONENT : componentOrOther(own), 1);
            if (stack == null) {
                return;
            }
            hooklineSteps.add(innermostHooklineFrame(stack), 1);
            java.util.Set<String> seen = new java.util.HashSet<>();
            Map<String, String> smelt = new HashMap<>();  // smell -> the Hookline frame that led to it
            for (RecordedFrame frame : stack.getFrames()) {
                if (!frame.isJavaFrame()) {
                    continue;
                }
                String m = method(frame);
                String c = componentOf(m);
                if (c != null) {
                    seen.add(c);
                }
                for (Map.Entry<String, Predicate<String>> smell : SMELLS.entrySet()) {
                    if (smell.getValue().test(m)) {
                        smelt.putIfAbsent(smell.getKey(), null);
                    }
                }
                if (m.startsWith("io.hookline.")) {
                    smelt.replaceAll((smell, caller) -> caller == null ? m + ":" + frame.getLineNumber() : caller);
                }
            }
            seen.forEach(c -> inComponent.add(c, 1));
            smelt.forEach((smell, caller) -> {
                smells.add(smell, 1);
                smellCallers.computeIfAbsent(smell, k -> new Counter()).add(caller == null ? "(no Hookline frame)" : caller, 1);
            });
        }

        /** The Hookline method nearest the top of the stack: which step of the pipeline the sample is in. */
        private static String innermostHooklineFrame(RecordedStackTrace stack) {
            for (RecordedFrame frame : stack.getFrames()) {
                if (frame.isJavaFrame()) {
                    String m = method(frame);
                    if (m.startsWith("io.hookline.") && !m.contains("$Proxy$") && !m.contains("__EJB31_Generated__")) {
                        return m;
                    }
                }
            }
            return "(no Hookline frame: the container before or after the resource method, or another thread)";
        }

        private static String componentOrOther(String method) {
            String c = componentOf(method);
            return c == null ? "other: " + packageOf(method) : c;
        }

        private static String packageOf(String method) {
            String[] parts = method.split("\\.");
            return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
        }

        void print(Path file, int top) {
            Duration length = first == null ? Duration.ZERO : Duration.between(first, last);
            System.out.printf(Locale.ROOT, "JFR profile of %s (%d s recorded)%n", file.getFileName(), length.toSeconds());
            if (cpuLoadEvents > 0) {
                System.out.printf(Locale.ROOT, "CPU (both cores = 100 %%): this JVM %.0f %%, whole machine %.0f %%%n",
                        100 * jvmCpu / cpuLoadEvents, 100 * machineCpu / cpuLoadEvents);
            }
            System.out.printf(Locale.ROOT, "GC: %d collections, %.0f ms paused in all (%.1f %% of the time), longest %.1f ms%n",
                    gcCount, gcPauseNanos / 1e6, length.isZero() ? 0 : 100.0 * gcPauseNanos / length.toNanos(),
                    gcLongestPauseNanos / 1e6);

            System.out.printf(Locale.ROOT, "%n== CPU samples: %d ==%n", cpuSamples);
            System.out.println("-- threads sampled --");
            table(threadGroups, cpuSamples, 8);
            System.out.println("-- charged to the component of the first non-JDK frame (self) --");
            table(ownerComponent, cpuSamples, top);
            System.out.println("-- samples that pass through each component (inclusive; a sample counts in several) --");
            table(inComponent, cpuSamples, top);
            System.out.println("-- hot-path smells (inclusive) --");
            for (String smell : SMELLS.keySet()) {
                long n = smells.counts.getOrDefault(smell, 0L);
                System.out.printf(Locale.ROOT, "%7.1f %%  %7d  %s%n", percent(n, cpuSamples), n, smell);
                if (n > 0) {
                    for (Map.Entry<String, Long> caller : smellCallers.get(smell).top(3)) {
                        System.out.printf(Locale.ROOT, "                     %5d from %s%n", caller.getValue(), caller.getKey());
                    }
                }
            }
            System.out.println("-- innermost Hookline method (the pipeline step a sample is in; the rest is below it) --");
            table(hooklineSteps, cpuSamples, top);
            System.out.println("-- top frames (where the CPU was) --");
            table(topFrames, cpuSamples, top);
            System.out.println("-- first non-JDK frames (who asked for it) --");
            table(ownFrames, cpuSamples, top);

            System.out.printf(Locale.ROOT, "%n== waiting, request threads (http-thread-pool) only ==%n");
            System.out.printf(Locale.ROOT, "-- native samples (in native code: socket reads are database round trips): %d --%n",
                    nativeSamples);
            table(nativeOwn, nativeSamples, 12);
            System.out.printf(Locale.ROOT, "-- socket reads over the recording threshold (10 ms with settings=profile): %d, %.0f ms in all --%n",
                    socketReads, socketReadNanos.total() / 1e6);
            millisTable(socketReadNanos, 8);
            System.out.printf(Locale.ROOT, "-- contended monitor enters: %d, %.0f ms in all --%n", monitorCount,
                    monitorNanos.total() / 1e6);
            millisTable(monitorNanos, 10);
            System.out.printf(Locale.ROOT, "-- thread parks (locks, pools, queues): %d, %.0f ms in all --%n", parkCount,
                    parkNanos.total() / 1e6);
            millisTable(parkNanos, 12);
        }

        private static void table(Counter counter, long total, int n) {
            for (Map.Entry<String, Long> e : counter.top(n)) {
                System.out.printf(Locale.ROOT, "%7.1f %%  %7d  %s%n", percent(e.getValue(), total), e.getValue(), e.getKey());
            }
        }

        private static void millisTable(Counter counter, int n) {
            for (Map.Entry<String, Long> e : counter.top(n)) {
                System.out.printf(Locale.ROOT, "%10.0f ms  %s%n", e.getValue() / 1e6, e.getKey());
            }
        }

        private static double percent(long n, long total) {
            return total == 0 ? 0 : 100.0 * n / total;
        }
    }
}
