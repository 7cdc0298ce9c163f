package io.hookline.ejb.hook;

import io.hookline.ejb.channel.HookRoute;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.lookup.LookupCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The hooks the hook path has seen, by id, cached until any hook, channel, member or user changes
 * ({@link io.hookline.ejb.lookup.LookupVersion}), and when each was last marked used, so the row is
 * rewritten at most once per {@link IncomingHook#LAST_USED_GRANULARITY_MS}.
 */
@ApplicationScoped
public class ActiveHooks {

    /** Hooks kept (and "last used" marks); past this each map starts over. */
    static final int MAX_ENTRIES = 10_000;
    /** Keys are hook ids: the caller checks their shape, the cache refuses to keep anything longer. */
    static final int MAX_KEY_LENGTH = Ids.LENGTH;

    private final LookupCache<String, Snapshot> hooks = new LookupCache<>(MAX_ENTRIES, MAX_KEY_LENGTH, String::length);
    private final Map<String, Long> lastMarked = new ConcurrentHashMap<>();

    /** What posting needs of a hook; {@code null} for an unknown or deleted hook (never cached). */
    Snapshot find(String hookId, Function<String, IncomingHook> load) {
        return hooks.get(hookId, id -> {
            IncomingHook hook = load.apply(id);
            if (hook == null || hook.isDeleted()) {
                return null;
            }
            lastMarked.putIfAbsent(id, hook.lastUsedAt());
            return new Snapshot(hook.route(), hook.defaults(), hook.userId());
        });
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
        return previous == null ? lastMarked.putIfAbsent(hookId, now) == null
                : lastMarked.replace(hookId, previous, now);
    }

    int size() {
        return hooks.size();
    }

    public record Snapshot(HookRoute route, PostProps.HookDefaults defaults, String userId) {
    }
}
