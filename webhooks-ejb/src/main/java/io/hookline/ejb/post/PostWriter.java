package io.hookline.ejb.post;

import static io.hookline.ejb.metrics.MeteredConnections.User.POST_WRITER;

import io.hookline.ejb.config.DeploymentConfig;
import io.hookline.ejb.health.DatabaseFailures;
import io.hookline.ejb.idempotency.IdempotencyKeys;
import io.hookline.ejb.idempotency.KeyAlreadyStored;
import io.hookline.ejb.idempotency.KeyRecord;
import io.hookline.ejb.metrics.HooklineMeters;
import io.hookline.ejb.metrics.MeteredConnections;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Stores hook posts by group commit. A hook request hands its posts over and waits; a few writer
 * threads each take every request waiting at that moment and store them in one transaction, then
 * wake their requests. Each request still hears {@code ok} only after the transaction holding its
 * posts has committed, and its posts are stored all together or not at all; but a burst of a hundred
 * requests costs a few commits instead of a hundred, which on a small machine is the difference
 * between the database's commit rate and the HTTP layer's rate being the limit (bench/, README
 * "Performance").
 * <p>
 * When a batch fails for anything but a lost connection, each of its requests is stored again on its
 * own, so one bad row refuses only its own request. That includes an {@code Idempotency-Key} already taken: its
 * row ({@link KeyRecord}) goes in the same transaction as the request's posts, so a key stored twice in one batch,
 * or already stored by another server, refuses only its own request ({@link KeyAlreadyStored}).
 */
@ApplicationScoped
public class PostWriter {

    /**
     * Deployment setting: threads committing in parallel. Requests that arrive while a writer commits wait for
     * the next free one, so fewer writers make bigger batches and fewer commits (one writer made the most posts
     * a second on 2 cores), while more keep a commit that stalls (the database flushing its log, a connection
     * dying until the driver's socket timeout) from holding up every hook: at a constant 1,000 requests a
     * second, p99 was 43 ms with one writer, 24 ms with two and 15 ms with four (bench/README.md).
     */
    public static final String WRITERS_SETTING = "HOOKLINE_POST_WRITERS";

    public static final int DEFAULT_WRITERS = 4;
    public static final int MIN_WRITERS = 1;
    public static final int MAX_WRITERS = 64;
    /** Most requests stored in one transaction. */
    public static final int MAX_BATCH = 128;
    /** Requests waiting for a writer; past this a request is refused with 503 at once. */
    public static final int QUEUE_CAPACITY = 4_096;
    /** Longest a request waits for its commit before it is answered 503 (its posts may still be stored). */
    public static final long COMMIT_WAIT_MILLIS = 5_000;
    /**
     * Times one request is stored when another server took one of its {@code ts} first (see PostTimestamps):
     * a second collision in a row is already about one in a million.
     */
    public static final int MAX_TS_ATTEMPTS = 4;
    /** The unique index on {@code posts.ts} (V11), as both databases name it in their error messages. */
    private static final String TS_INDEX = "ux_posts_ts";

    static final String INSERT = "INSERT INTO posts (id, channel_id, user_id, root_id, message, type, props,"
            + " create_at, update_at, edit_at, delete_at, ts, hook_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)";
    static final String MARK_USED = "UPDATE incoming_hooks SET last_used_at = ? WHERE id = ? AND last_used_at < ?";

    private static final Logger LOG = Logger.getLogger(PostWriter.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ThreadFactory threadFactory;

    @Inject
    private HooklineMeters meters;

    private final BlockingQueue<Request> queue;
    /** Made at start from the application's registry; a test's own from the start. */
    private PostWriterMeters writerMeters;

    private final long commitWaitMillis;
    private final int writerCount;
    /** Read by the liveness probe's threads while this one starts them. */
    private final List<Thread> writers = new CopyOnWriteArrayList<>();

    private volatile boolean running = true;

    public PostWriter() {
        this.queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        this.commitWaitMillis = COMMIT_WAIT_MILLIS;
        this.writerCount = DeploymentConfig.integer(WRITERS_SETTING, DEFAULT_WRITERS, MIN_WRITERS, MAX_WRITERS);
    }

    /** For tests: another database, thread factory, queue capacity and commit wait. */
    PostWriter(DataSource dataSource, ThreadFactory threadFactory, int queueCapacity, long commitWaitMillis) {
        this.dataSource = dataSource;
        this.threadFactory = threadFactory;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.commitWaitMillis = commitWaitMillis;
        this.writerCount = DEFAULT_WRITERS;
        this.writerMeters = new PostWriterMeters(new SimpleMeterRegistry(), queue);
    }

    /** One hook request's posts, the hook whose "last used" is due (or null) and its idempotency key (or null). */
    private record Request(
            List<NewPost> posts,
            String markUsedHookId,
            long now,
            KeyRecord key,
            CompletableFuture<List<NewPost>> done) {

        /** The same request with fresh timestamps for a retry, answered through the same future. */
        Request withFreshTs() {
            return new Request(posts.stream().map(NewPost::withFreshTs).toList(), markUsedHookId, now, key, done);
        }
    }

    @PostConstruct
    void start() {
        if (writerMeters == null) {
            writerMeters = new PostWriterMeters(meters.registry(), queue);
        }
        for (int i = 0; i < writerCount; i++) {
            Thread writer = threadFactory.newThread(this::drain);
            writer.setName("hookline-post-writer-" + i);
            writer.start();
            writers.add(writer);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        writers.forEach(Thread::interrupt);
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Stores {@code posts} (and marks the hook used when {@code markUsedHookId} is set) and returns once
     * they are committed: the posts as stored, which differ from those given only in their {@code ts} when
     * another server had taken one of them. Throws {@link PostWriteException} when they are not stored, or
     * not known to be.
     */
    public List<NewPost> store(List<NewPost> posts, String markUsedHookId, long now) {
        return store(posts, markUsedHookId, now, null);
    }

    /**
     * Like {@link #store(List, String, long)}, and adds the request's idempotency key row ({@code key}, or
     * nothing when null) in the same transaction. Throws {@link KeyAlreadyStored} when that key was taken first:
     * nothing of this request was stored.
     */
    public List<NewPost> store(List<NewPost> posts, String markUsedHookId, long now, KeyRecord key) {
        Request request = new Request(List.copyOf(posts), markUsedHookId, now, key, new CompletableFuture<>());
        if (!queue.offer(request)) {
            writerMeters.queueFull();
            throw new PostWriteException(
                    "Too many posts waiting to be stored",
                    new SQLTransientConnectionException("post writer queue full (" + queue.size() + " waiting)"));
        }
        try {
            return request.done().get(commitWaitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (key != null && IdempotencyKeys.isKeyTaken(e.getCause())) {
                throw new KeyAlreadyStored(key, e.getCause());
            }
            throw new PostWriteException("The posts were not stored", e.getCause());
        } catch (TimeoutException e) {
            throw new PostWriteException(
                    "No commit within " + commitWaitMillis + " ms",
                    new SQLTransientConnectionException("commit wait timed out", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostWriteException("Interrupted while waiting for the commit", e);
        }
    }

    /** Writer threads this writer starts. */
    int writerCount() {
        return writerCount;
    }

    /** Requests waiting for a writer now. */
    int waiting() {
        return queue.size();
    }

    /** Requests that may wait at most ({@link #QUEUE_CAPACITY} unless a test chose another). */
    int capacity() {
        return queue.size() + queue.remainingCapacity();
    }

    /** Writer threads still running (fewer than {@link #writerCount()} only if one died of an Error). */
    int aliveWriters() {
        return (int) writers.stream().filter(Thread::isAlive).count();
    }

    private void drain() {
        List<Request> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                Request first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Never let a writer die: fail what it held and go on.
                LOG.log(Level.SEVERE, "Post writer failure", e);
                batch.forEach(r -> r.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        // Undeploying: whoever still waits hears that nothing was stored.
        Request left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new SQLTransientConnectionException("application stopping"));
        }
    }

    private void commit(List<Request> batch) {
        long start = System.nanoTime();
        try {
            insert(batch);
            writerMeters.commit(batch.size(), System.nanoTime() - start, true);
            batch.forEach(this::stored);
        } catch (SQLException e) {
            writerMeters.commit(batch.size(), System.nanoTime() - start, false);
            if (isConnectionLevel(e) || batch.size() == 1 && !isTsCollision(e)) {
                batch.forEach(r -> r.done().completeExceptionally(e));
                return;
            }
            // One bad request must not refuse the others: store each on its own (a ts collision is retried there).
            for (Request request : batch) {
                storeAlone(request);
            }
        }
    }

    /** One request in its own transaction, again with fresh timestamps while another server held one of them. */
    private void storeAlone(Request request) {
        Request attempt = request;
        for (int i = 1; ; i++) {
            try {
                insert(List.of(attempt));
                stored(attempt);
                return;
            } catch (SQLException alone) {
                if (i >= MAX_TS_ATTEMPTS || !isTsCollision(alone)) {
                    request.done().completeExceptionally(alone);
                    return;
                }
                attempt = attempt.withFreshTs();
            }
        }
    }

    /** Answers a committed request (its posts counted first, so a scrape after its answer shows them). */
    private void stored(Request request) {
        writerMeters.stored(request.posts().size());
        request.done().complete(request.posts());
    }

    /** The meters, for tests. */
    PostWriterMeters meters() {
        return writerMeters;
    }

    /** A unique violation (SQLState 23505 on H2 and PostgreSQL) of {@code ux_posts_ts}, not of anything else. */
    static boolean isTsCollision(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if ("23505".equals(next.getSQLState())
                    && String.valueOf(next.getMessage())
                            .toLowerCase(java.util.Locale.ROOT)
                            .contains(TS_INDEX)) {
                return true;
            }
        }
        return false;
    }

    /** A failure of the connection, not of a row: retrying request by request would only fail again. */
    private static boolean isConnectionLevel(SQLException e) {
        return e.getSQLState() == null || DatabaseFailures.isConnectionFailure(e);
    }

    /** One transaction: every post of every request, their idempotency keys, then the due "last used" marks. */
    private void insert(List<Request> batch) throws SQLException {
        try (Connection connection = MeteredConnections.open(dataSource, POST_WRITER)) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (Request request : batch) {
                        for (NewPost post : request.posts()) {
                            insert.setString(1, post.id());
                            insert.setString(2, post.channelId());
                            insert.setString(3, post.userId());
                            insert.setString(4, post.rootId());
                            insert.setString(5, post.message());
                            insert.setString(6, post.type());
                            insert.setString(7, post.props());
                            insert.setLong(8, post.createAt());
                            insert.setLong(9, post.createAt());
                            insert.setString(10, post.ts());
                            insert.setString(11, post.hookId());
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
                IdempotencyKeys.insert(
                        connection,
                        batch.stream().map(Request::key).filter(k -> k != null).toList());
                markUsed(connection, batch);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        }
    }

    private static void markUsed(Connection connection, List<Request> batch) throws SQLException {
        if (batch.stream().noneMatch(r -> r.markUsedHookId() != null)) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(MARK_USED)) {
            for (Request request : batch) {
                if (request.markUsedHookId() != null) {
                    update.setLong(1, request.now());
                    update.setString(2, request.markUsedHookId());
                    update.setLong(3, request.now());
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Could not restore auto-commit on a pooled connection", e);
        }
    }
}
