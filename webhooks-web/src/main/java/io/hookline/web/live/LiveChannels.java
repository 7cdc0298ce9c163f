package io.hookline.web.live;

import io.hookline.ejb.lookup.LookupVersion;
import io.hookline.ejb.metrics.HooklineMeters;
import io.hookline.ejb.post.ChannelActivity;
import io.micrometer.core.instrument.Gauge;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open channel views, as server-sent event streams, by channel and by user. When posts commit to a
 * channel ({@link PostsCommitted}), each view of that channel gets one {@code posts} event and fetches the
 * new posts itself, through its own page (so it sees exactly what its user may see).
 * <ul>
 *   <li>Off the hook's thread: the observer only hands the event to the managed executor, so a hook
 *       request never writes to a browser, and a slow browser cannot slow a hook.</li>
 *   <li>Per user at most {@link LiveLimits#streamsPerUser()} streams: opening one more closes that user's
 *       oldest (most likely a tab already gone, whose closed connection the server has not noticed).</li>
 *   <li>Access is checked again, for every open stream, within {@link LiveLimits#recheckMillis()} of any
 *       change to users, teams, channels or members ({@link LookupVersion}, which also moves when another
 *       server committed such a change): a user removed from a channel, demoted or deactivated loses the stream.</li>
 *   <li>Posts stored by another server over the same database: every {@link LiveLimits#otherServersMillis()}
 *       the newest post time of each channel watched here is read ({@link ChannelActivity}, one indexed
 *       query, none while nothing is watched), and a channel with newer posts gets its {@code posts} event.</li>
 * </ul>
 */
@ApplicationScoped
public class LiveChannels {

    private static final Logger LOG = Logger.getLogger(LiveChannels.class.getName());

    private final LiveLimits limits = LiveLimits.fromDeployment();
    private final Map<String, Set<LiveStream>> byChannel = new ConcurrentHashMap<>();
    private final Map<String, List<LiveStream>> byUser = new ConcurrentHashMap<>();
    /** The {@link LookupVersion} the last access check saw; -1 forces a check. */
    private final AtomicLong checkedVersion = new AtomicLong(-1);

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private StreamAccess access;

    @Inject
    private ChannelActivity activity;

    private final NewestPosts newestPosts = new NewestPosts();
    /** Only the polling thread reads and writes it. */
    private boolean otherServersFailing;

    private ScheduledFuture<?> recheck;
    private ScheduledFuture<?> otherServers;

    @Inject
    private HooklineMeters meters;

    @PostConstruct
    void startAccessChecks() {
        Gauge.builder("hookline.live.streams", this, LiveChannels::openStreams)
                .description("Channel view event streams open on this server")
                .register(meters.registry());
        recheck = scheduler.scheduleWithFixedDelay(
                this::recheckAccess, limits.recheckMillis(), limits.recheckMillis(), TimeUnit.MILLISECONDS);
        otherServers = scheduler.scheduleWithFixedDelay(
                this::checkOtherServers,
                limits.otherServersMillis(),
                limits.otherServersMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (recheck != null) {
            recheck.cancel(false);
        }
        if (otherServers != null) {
            otherServers.cancel(false);
        }
        allStreams().forEach(stream -> stream.close(LiveStream.Reason.SHUTDOWN));
    }

    LiveLimits limits() {
        return limits;
    }

    /** Registers a stream; closes the user's oldest when this one is past their limit. */
    void open(LiveStream stream) {
        stream.onClosed(() -> forget(stream));
        byChannel
                .computeIfAbsent(stream.channelId(), id -> ConcurrentHashMap.newKeySet())
                .add(stream);
        List<LiveStream> excess = new ArrayList<>();
        byUser.compute(stream.userId(), (id, open) -> {
            List<LiveStream> list = open == null ? new ArrayList<>() : open;
            list.add(stream);
            list.sort(Comparator.comparingLong(LiveStream::openedNanos));
            while (list.size() - excess.size() > limits.streamsPerUser()) {
                excess.add(list.get(excess.size()));
            }
            return list;
        });
        // Closed outside compute(): closing calls forget(), which updates the same map entry.
        excess.forEach(oldest -> oldest.close(LiveStream.Reason.TOO_MANY_STREAMS));
    }

    private void forget(LiveStream stream) {
        byChannel.computeIfPresent(stream.channelId(), (id, open) -> {
            open.remove(stream);
            return open.isEmpty() ? null : open;
        });
        byUser.computeIfPresent(stream.userId(), (id, open) -> {
            open.remove(stream);
            return open.isEmpty() ? null : open;
        });
    }

    /** Streams open now, every channel's (counted when scraped, not kept on the way). */
    int openStreams() {
        int open = 0;
        for (Set<LiveStream> streams : byChannel.values()) {
            open += streams.size();
        }
        return open;
    }

    int openStreams(String channelId) {
        Set<LiveStream> open = byChannel.get(channelId);
        return open == null ? 0 : open.size();
    }

    int openStreamsOf(String userId) {
        List<LiveStream> open = byUser.get(userId);
        return open == null ? 0 : open.size();
    }

    /** Runs on the hook's thread: only a hand-over to the executor, and only when someone watches. */
    void onCommitted(@Observes PostsCommitted committed) {
        String channelId = committed.channelId();
        // Noted even while nobody watches: a view opened just after must not hear of these posts again from
        // the other-servers reading (it loaded them with its page).
        newestPosts.announcedHere(channelId, System.currentTimeMillis());
        if (!byChannel.containsKey(channelId)) {
            return;
        }
        try {
            executor.execute(() -> publish(channelId));
        } catch (RejectedExecutionException busy) {
            // The views miss one refresh and catch up with the next; the hook's answer must not wait.
            LOG.log(Level.WARNING, "live update dropped: executor busy", busy);
        }
    }

    /** Queues one {@code posts} event on every stream of the channel; disconnects readers too far behind. */
    void publish(String channelId) {
        Set<LiveStream> open = byChannel.get(channelId);
        if (open == null) {
            return;
        }
        byte[] frame = LiveStream.frame("posts", channelId);
        for (LiveStream stream : List.copyOf(open)) {
            if (!stream.offer(frame)) {
                stream.close(LiveStream.Reason.SLOW_READER);
            }
        }
    }

    /** Announces posts that reached watched channels through another server; never throws. */
    void checkOtherServers() {
        try {
            Set<String> watched = Set.copyOf(byChannel.keySet());
            Map<String, Long> reading = watched.isEmpty() ? Map.of() : activity.newestPostAt(watched);
            newestPosts.newer(watched, reading, System.currentTimeMillis()).forEach(this::publish);
            otherServersFailing = false;
        } catch (RuntimeException failed) {
            // Try again next time (a database outage, say); a scheduled task that throws is never run again.
            // Said once per run of failures, not once per interval.
            if (!otherServersFailing) {
                otherServersFailing = true;
                LOG.log(Level.WARNING, "reading other servers' posts failed; trying again every interval", failed);
            }
        }
    }

    /** Closes streams whose user may no longer read their channel; a no-op until something changed. */
    void recheckAccess() {
        try {
            long version = LookupVersion.current();
            if (checkedVersion.getAndSet(version) == version) {
                return;
            }
            Map<String, Boolean> decided = new ConcurrentHashMap<>();
            for (LiveStream stream : allStreams()) {
                boolean may = decided.computeIfAbsent(
                        stream.userId() + '\n' + stream.channelId(),
                        key -> access.mayRead(stream.userId(), stream.channelId()));
                if (!may) {
                    stream.close(LiveStream.Reason.ACCESS);
                }
            }
        } catch (RuntimeException failed) {
            // Check again next time (a database outage, say); a scheduled task that throws is never run again.
            checkedVersion.set(-1);
            LOG.log(Level.WARNING, "live stream access check failed", failed);
        }
    }

    private List<LiveStream> allStreams() {
        List<LiveStream> all = new ArrayList<>();
        byChannel.values().forEach(all::addAll);
        return all;
    }
}
