package io.hookline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test makes the code under test log, kept out of the build's output and open to assertions: a test that
 * provokes a warning on purpose asserts that warning (level, message, thrown type) instead of printing it, so a
 * clean build shows no stack trace and no WARNING line, and a warning that stops coming fails the test.
 *
 * <p>A field {@code @RegisterExtension final LogCapture log = LogCapture.of(DeploymentConfig.class);} and, in the
 * test, {@code log.expect(Level.WARNING, "must be a whole number", null);}.
 *
 * <p>For each named {@link Logger} (and so its children: {@code org.flywaydb} takes every Flyway class) it adds a
 * handler that keeps every record and turns {@code useParentHandlers} off, so nothing reaches the console
 * handler on the root logger; both are restored after each test (after all tests, when the field is static).
 * Records logged from other threads (a writer thread, an executor) are kept too.
 */
public final class LogCapture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    /** Held strongly: the LogManager keeps loggers only weakly, and a collected one would lose its settings. */
    private final List<Logger> loggers;

    private final boolean[] parentHandlers;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private boolean attachedForAll;
    private boolean attached;

    private LogCapture(List<Logger> loggers) {
        this.loggers = List.copyOf(loggers);
        this.parentHandlers = new boolean[loggers.size()];
        handler.setLevel(Level.ALL);
    }

    /** The loggers named after these classes, which is how Hookline's classes name theirs. */
    public static LogCapture of(Class<?>... sources) {
        return named(Arrays.stream(sources).map(Class::getName).toArray(String[]::new));
    }

    /** Loggers by name; a package name takes every logger below it. */
    public static LogCapture named(String... names) {
        return new LogCapture(Arrays.stream(names).map(Logger::getLogger).toList());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        attach();
        attachedForAll = true;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        detach();
        attachedForAll = false;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        records.clear();
        if (!attachedForAll) {
            attach();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!attachedForAll) {
            detach();
        }
    }

    private synchronized void attach() {
        if (attached) {
            return;
        }
        for (int i = 0; i < loggers.size(); i++) {
            Logger logger = loggers.get(i);
            parentHandlers[i] = logger.getUseParentHandlers();
            logger.setUseParentHandlers(false);
            logger.addHandler(handler);
        }
        attached = true;
    }

    private synchronized void detach() {
        if (!attached) {
            return;
        }
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(handler);
            loggers.get(i).setUseParentHandlers(parentHandlers[i]);
        }
        attached = false;
    }

    /** Every record since the test started, in the order logged. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The records at exactly this level. */
    public List<LogRecord> records(Level level) {
        return records.stream()
                .filter(record -> record.getLevel().equals(level))
                .toList();
    }

    /** A record's message with its parameters filled in, as the server log would show it. */
    public static String message(LogRecord record) {
        return FORMATTER.formatMessage(record);
    }

    /**
     * Asserts that a record at {@code level} whose message contains {@code text} was logged, carrying a
     * {@code thrown} of exactly that type ({@code null}: carrying none), and returns the first such record.
     */
    public LogRecord expect(Level level, String text, Class<? extends Throwable> thrown) {
        Predicate<LogRecord> wanted = record -> record.getLevel().equals(level)
                && message(record).contains(text)
                && (thrown == null
                        ? record.getThrown() == null
                        : record.getThrown() != null
                                && record.getThrown().getClass().equals(thrown));
        return records.stream().filter(wanted).findFirst().orElseGet(() -> {
            fail("expected a " + level + " record containing \"" + text + "\""
                    + (thrown == null ? " without a throwable" : " with a " + thrown.getName()) + "; logged: "
                    + describe(records));
            return null;
        });
    }

    /**
     * Asserts that exactly {@code count} records at {@code level} were logged, each containing {@code text}
     * and carrying no throwable: a warning repeated per call where one was meant fails here.
     */
    public void expectExactly(int count, Level level, String text) {
        List<LogRecord> atLevel = records(level);
        assertEquals(count, atLevel.size(), () -> level + " records: " + describe(atLevel));
        List<LogRecord> unlike = atLevel.stream()
                .filter(record -> !message(record).contains(text) || record.getThrown() != null)
                .toList();
        assertEquals(List.of(), unlike, () -> "every " + level + " record should contain \"" + text + "\"");
    }

    /** Asserts that nothing at {@code level} or above was logged. */
    public void expectNone(Level level) {
        List<LogRecord> found = records.stream()
                .filter(record -> record.getLevel().intValue() >= level.intValue())
                .toList();
        assertEquals(List.of(), found, () -> "nothing at " + level + " or above expected: " + describe(found));
    }

    private static String describe(List<LogRecord> records) {
        if (records.isEmpty()) {
            return "nothing";
        }
        List<String> lines = new ArrayList<>();
        for (LogRecord record : records) {
            lines.add(record.getLevel() + " " + message(record)
                    + (record.getThrown() == null ? "" : " [" + record.getThrown() + "]"));
        }
        return lines.stream().collect(Collectors.joining("; "));
    }
}
