package io.hookline.ejb.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.hookline.ejb.common.LogThrottle;
import io.hookline.ejb.metrics.HooklineMeters;
import io.hookline.ejb.settings.RateLimitSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rate limits of {@code POST /hooks/{id}}: a token bucket per remote address (while
 * {@code RateLimitSettings.Enable} and {@code VaryByRemoteAddr} are on), then one per hook URL. The per-hook key
 * is the id from the path whether or not such a hook exists, so a 429 tells nothing about which ids are real;
 * it is kept as a SHA-256, so no hook secret sits in the (possibly shared) store.
 *
 * <p>The address is checked first: a request refused there takes nothing from the hook's bucket, so one
 * flooding source cannot use up a hook that others post to. A request the hook's bucket refuses has taken a
 * token from its address's bucket: it was a request all the same.
 *
 * <p>Each bucket's key carries its limits, so a change in the settings applies to the next request (it finds
 * new, full buckets; the old ones expire unused).
 *
 * <p>Where the buckets live is a deployment setting, {@value #STORE}: {@code auto} (the default), {@code cluster}
 * or {@code local}. {@code cluster} keeps them in the server's JCache, on Payara the Hazelcast data grid shared
 * by every member, so several servers behind a load balancer count one limit together; {@code local} keeps them
 * in this JVM (as Mattermost's memory store: each server counts its own requests, so N servers let through N
 * times the limit). {@code auto} is {@code cluster} wherever the server offers a JCache (Payara with its data
 * grid, on one node or several) and {@code local} where it offers none (WildFly), without a warning. The shared
 * store costs a read and a compare-and-swap in the grid per bucket, two buckets a request (bench/README.md
 * measures it against local); an operator of a single server who wants that back sets {@code local}.
 *
 * <p>The shared store needs a service of the server's, not of Jakarta EE: WildFly, for one, offers applications
 * no JCache. Asked for explicitly ({@code cluster}) where there is none, the limiter never fails the deployment:
 * it uses local buckets and says so in one warning at deployment (what was asked, what is used instead, what to
 * configure).
 */
@ApplicationScoped
public class HookRateLimiter {

    /** Deployment setting: {@value #AUTO}, {@value #CLUSTER} or {@value #LOCAL}, where the buckets live. */
    public static final String STORE = "HOOKLINE_RATE_LIMIT_STORE";

    public static final String AUTO = "auto";
    public static final String LOCAL = "local";
    public static final String CLUSTER = "cluster";

    /** Buckets the local store keeps at most (Mattermost's default {@code MemoryStoreSize}). */
    public static final int LOCAL_STORE_MAX_KEYS = 10_000;

    private static final Logger LOG = Logger.getLogger(HookRateLimiter.class.getName());

    @Inject
    @ConfigProperty(name = STORE, defaultValue = AUTO)
    private String storeSetting;

    @Inject
    private HooklineMeters meters;

    private RateLimitStore store;
    private RateLimitMeters refusals;
    /** At most one warning a minute while the store fails. */
    private final LogThrottle failureLog = new LogThrottle(LogThrottle.DEFAULT_INTERVAL);

    /** For CDI: the store is chosen at start-up. */
    protected HookRateLimiter() {}

    HookRateLimiter(RateLimitStore store) {
        this.store = store;
        this.refusals = new RateLimitMeters(new SimpleMeterRegistry());
    }

    @PostConstruct
    void chooseStore() {
        refusals = new RateLimitMeters(meters.registry());
        // Lambdas, not method references: JCacheRateLimitStore (which names javax.cache) is loaded only once
        // the API is known to be there.
        store = switch (choice(storeSetting)) {
            case CLUSTER -> clusterStore(HookRateLimiter::jcacheApiPresent, () -> JCacheRateLimitStore.fromServer());
            case AUTO -> sharedIfOffered(HookRateLimiter::jcacheApiPresent, () -> JCacheRateLimitStore.fromServer());
            default -> localStore();
        };
        LOG.log(Level.INFO, "Hook rate limits are kept in {0}", store.describe());
    }

    /**
     * Created at deployment, not at the first hook request: the store is chosen, and a fallback reported, while
     * whoever deployed is still reading the log.
     */
    void chooseAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        // Nothing to do: CDI creates the bean to deliver the event, and that runs chooseStore().
    }

    /**
     * Takes a token from each bucket that applies and says whether the request may proceed. Needs no database
     * and reads no body, so it runs before both.
     */
    public RateLimitDecision check(RateLimitSettings limits, String hookId, String remoteAddress) {
        try {
            RateLimitDecision byAddress = null;
            if (limits.perAddressApplies()) {
                byAddress = consume(
                        "addr", limits.perSec(), limits.maxBurst(), remoteAddress == null ? "unknown" : remoteAddress);
                if (!byAddress.allowed()) {
                    refusals.refusedByAddress();
                    return byAddress;
                }
            }
            RateLimitDecision byHook =
                    consume("hook", limits.perHookPerSec(), limits.perHookMaxBurst(), digest(hookId));
            if (!byHook.allowed()) {
                refusals.refusedByHook();
                return byHook;
            }
            if (byAddress == null) {
                return byHook;
            }
            return byAddress.remaining() < byHook.remaining() ? byAddress : byHook;
        } catch (RuntimeException storeFailure) {
            // What is left to pass unchecked, as Mattermost's limiter does when its store fails: a failure of a
            // bucket in this JVM (LocalRateLimitStore, also the grid store's fallback), which nothing a sender
            // does can cause, so only a bug of ours or of Bucket4j's. Failing closed on a bug would answer every
            // CI notification 5xx; failing open is bounded by the bug, not by how fast anyone sends. The grid's
            // failures, contention included, never get here: JCacheRateLimitStore decides those locally.
            logFailure(storeFailure);
            refusals.unchecked();
            return RateLimitDecision.NOT_CHECKED;
        }
    }

    private RateLimitDecision consume(String kind, int perSec, int maxBurst, String subject) {
        String key = kind + ':' + perSec + '/' + maxBurst + ':' + subject;
        ConsumptionProbe probe = store.tryConsume(key, configuration(perSec, maxBurst));
        return new RateLimitDecision(
                probe.isConsumed(),
                maxBurst,
                probe.getRemainingTokens(),
                probe.getNanosToWaitForReset(),
                probe.getNanosToWaitForRefill());
    }

    /** A bucket of {@code maxBurst} tokens, refilled evenly at {@code perSec} a second, starting full. */
    static BucketConfiguration configuration(int perSec, int maxBurst) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(maxBurst).refillGreedy(perSec, Duration.ofSeconds(1)))
                .build();
    }

    private static String digest(String hookId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(hookId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
        }
    }

    private void logFailure(RuntimeException failure) {
        if (failureLog.pass()) {
            LOG.log(
                    Level.WARNING,
                    "Rate limit store " + store.describe() + " failed; hook requests pass unchecked",
                    failure);
        }
    }

    /** {@value #STORE}'s value, normalised; anything but the three names is a warning and {@value #AUTO}. */
    static String choice(String setting) {
        String normalised = setting.trim().toLowerCase(Locale.ROOT);
        if (normalised.equals(AUTO) || normalised.equals(LOCAL) || normalised.equals(CLUSTER)) {
            return normalised;
        }
        LOG.log(Level.WARNING, "{0} must be \"{1}\", \"{2}\" or \"{3}\"; using {1}", new Object[] {
            STORE, AUTO, CLUSTER, LOCAL
        });
        return AUTO;
    }

    /**
     * {@value #AUTO}: the server's JCache when it offers one, else local buckets, said at INFO level only
     * (a server without a grid is a normal single-server deployment, not a mistake).
     */
    static RateLimitStore sharedIfOffered(BooleanSupplier apiPresent, Supplier<Optional<RateLimitStore>> serverCache) {
        return serverStoreOrLocal(
                apiPresent,
                serverCache,
                (reason, cause) -> LOG.log(Level.INFO, "Hook rate limits stay in this JVM: " + reason, cause));
    }

    /**
     * {@value #CLUSTER}: the server's JCache when it has one (Payara: Hazelcast); else local buckets in this JVM
     * and one warning. Never throws: a missing shared store costs precision across servers, not the deployment.
     */
    static RateLimitStore clusterStore(BooleanSupplier apiPresent, Supplier<Optional<RateLimitStore>> serverCache) {
        return serverStoreOrLocal(apiPresent, serverCache, HookRateLimiter::warnFallback);
    }

    private static RateLimitStore serverStoreOrLocal(
            BooleanSupplier apiPresent,
            Supplier<Optional<RateLimitStore>> serverCache,
            BiConsumer<String, Throwable> noSharedStore) {
        if (!apiPresent.getAsBoolean()) {
            noSharedStore.accept("this server offers applications no JCache API (javax.cache; WildFly has none)", null);
            return localStore();
        }
        try {
            Optional<RateLimitStore> shared = serverCache.get();
            if (shared.isPresent()) {
                return shared.get();
            }
            noSharedStore.accept(
                    "this server offers the application no JCache CacheManager (on Payara: the domain's "
                            + "Hazelcast is disabled)",
                    null);
        } catch (RuntimeException | LinkageError noUsableCache) {
            noSharedStore.accept("the server's JCache cannot hold them (" + noUsableCache + ")", noUsableCache);
        }
        return localStore();
    }

    /** The one warning of a fallback: what was asked, what is used instead, and what to configure. */
    static String fallbackWarning(String reason) {
        return STORE + "=" + CLUSTER + " asks for hook rate limits shared by every server, but " + reason
                + ". Using local buckets instead: each server (node) counts only the requests it receives, so "
                + "behind a load balancer a sender may get up to N times the limits through N servers. To share "
                + "them, run on a server whose applications get a JCache CacheManager (Payara with Hazelcast "
                + "enabled); to keep local buckets without this warning, set " + STORE + "=" + LOCAL + ".";
    }

    private static void warnFallback(String reason, Throwable cause) {
        LOG.log(Level.WARNING, fallbackWarning(reason), cause);
    }

    private static RateLimitStore localStore() {
        return new LocalRateLimitStore(LOCAL_STORE_MAX_KEYS, TimeMeter.SYSTEM_NANOTIME);
    }

    static boolean jcacheApiPresent() {
        try {
            Class.forName("javax.cache.CacheManager", false, HookRateLimiter.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }
}
