package io.hookline.ejb.hook;

import io.hookline.ejb.channel.HookRoute;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.lookup.LookupCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The hooks the hook path has seen, by id, cached until any hook, channel, member or user changes
 * ({@link io.hookline.ejb.lookup.LookupVersion}), and when each was last marked used, so the row is
 * rewritten at most once per {@link IncomingHook#LAST_USED_GRANULARITY_MS}.
 * <p>
 * An id may also be a rotated hook's previous id ({@link HookReads#hook} finds the hook it opens). Its entry
 * carries the previous id's expiry and is checked against the clock on every use: it stops opening the hook
 * exactly at expiry on every server, whatever the cache's version, and no entry outlives it. Revoking early is
 * a write like any other, which drops every server's entries (the version, and the cluster change counter).
 */
@ApplicationScoped
public class ActiveHooks {

    /** Hooks kept (and "last used" marks); past this each map starts over. */
    static final int MAX_ENTRIES = 10_000;
    /** Keys are hook ids: the caller checks their shape, the cache refuses to keep anything longer. */
    static final int MAX_KEY_LENGTH = Ids.LENGTH;

    private final LookupCache<String, Snapshot> hooks = new LookupCache<>(MAX_ENTRIES, MAX_KEY_LENGTH, String::length);
    private final Map<String, Long> lastMarked = new ConcurrentHashMap<>();
    /** The clock expiries are checked against; a test's own. */
    private final LongSupplier clock;

    public ActiveHooks() {
        this(System::currentTimeMillis);
    }

    ActiveHooks(LongSupplier clock) {
        this.clock = clock;
    }

    /** What posting needs of a hook; {@code null} for an unknown or deleted hook (never cached). */
    Snapshot find(String hookId, Function<String, IncomingHook> load) {
        long now = clock.getAsLong();
        Snapshot found = hooks.get(hookId, id -> {
            IncomingHook hook = load.apply(id);
            if (hook == null || hook.isDeleted()) {
                return null;
            }
            boolean previous = hook.openedByPreviousId(id);
            if (previous && hook.previousIdAt(now) == null) {
                return null;
            }
            lastMarked.putIfAbsent(hook.id(), hook.lastUsedAt());
            return new Snapshot(
                    hook.id(),
                    hook.route(),
                    hook.defaults(),
                    hook.userId(),
                    hook.consoleKey(),
                    previous,
                    previous ? hook.previousIdExpiresAt() : Long.MAX_VALUE);
        });
        return found == null || now >= found.validUntil() ? null : found;
    }

    /** True when the hook's "last used" is due to be written at {@code now}; the caller writes it. */
    boolean markDue(String hookId, long now) {
        if (lastMarked.size() >= MAX_ENTRIES) {
            lastMarked.clear();
        }
        Long previous = lastMarked.get(hookId);
        if (previous != null && now - previous < IncomingHook.LAST_USED_GRANULARITY_MS) {
            return false;
        }
        return previous == null
                ? lastMarked.putIfAbsent(hookId, now) == null
                : lastMarked.replace(hookId, previous, now);
    }

    int size() {
        return hooks.size();
    }

    /**
     * The console key (not a secret: the console's URLs show it) of the hook {@code hookId} opened when it was
     * last looked up, however long ago; null when the id opened none since the cache last started over. Never
     * reads the database: it labels the hook's metrics, on every request, the refused ones (429) too.
     */
    public String cachedConsoleKey(String hookId) {
        Snapshot hook = hookId == null ? null : hooks.peek(hookId);
        return hook == null ? null : hook.consoleKey();
    }

    /**
     * @param id the hook's own id (its "last used" and delivery log), whichever id opened it
     * @param consoleKey the console's key of the hook: its label in the metrics, which must never show the id
     * @param viaPreviousId whether it was opened by its previous id
     * @param validUntil when the id that opened it stops doing so (epoch ms; never for the hook's own id)
     */
    public record Snapshot(
            String id,
            HookRoute route,
            HookDefaults defaults,
            String userId,
            String consoleKey,
            boolean viaPreviousId,
            long validUntil) {}
}
