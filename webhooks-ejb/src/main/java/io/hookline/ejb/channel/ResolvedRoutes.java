package io.hookline.ejb.channel;

import io.hookline.ejb.lookup.LookupCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * The application's cache of hook routes: (hook route, requested channel) → {@link ResolvedRoute}, checked by
 * {@code HookPoster} before the resolver EJB. Keyed only by a {@link ChannelOverride} that passed the name
 * rule (normalised, at most {@value ChannelOverride#MAX_NAME_LENGTH} characters), so an entry is a few hundred
 * bytes: ids, one short name, and a refusal whose message never holds request data.
 */
@ApplicationScoped
public class ResolvedRoutes {

    /** Distinct (hook, requested channel) pairs kept; past this the cache starts over. */
    static final int MAX_ENTRIES = 10_000;
    /** Longest requested name kept as a key: the name rule's bound, restated as the cache's own backstop. */
    static final int MAX_KEY_NAME_LENGTH = ChannelOverride.MAX_NAME_LENGTH;

    private final LookupCache<Key, ResolvedRoute> cache = new LookupCache<>(
            MAX_ENTRIES, MAX_KEY_NAME_LENGTH, key -> key.requested().name().length());

    public ResolvedRoute get(HookRoute route, ChannelOverride requested, Supplier<ResolvedRoute> resolve) {
        return cache.get(new Key(route, requested), key -> resolve.get());
    }

    int size() {
        return cache.size();
    }

    private record Key(HookRoute route, ChannelOverride requested) {}
}
