package io.hookline.ejb.channel;

import io.hookline.ejb.lookup.LookupCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** The application's cache of hook routes: (hook route, requested channel) → {@link ResolvedRoute}, checked by {@code HookPoster} before the resolver EJB. */
@ApplicationScoped
public class ResolvedRoutes {

    /** Distinct (hook, requested channel) pairs kept; past this the cache starts over. */
    static final int MAX_ENTRIES = 10_000;

    private final LookupCache<Key, ResolvedRoute> cache = new LookupCache<>(MAX_ENTRIES);

    public ResolvedRoute get(HookRoute route, String requested, Supplier<ResolvedRoute> resolve) {
        return cache.get(new Key(route, requested), key -> resolve.get());
    }

    private record Key(HookRoute route, String requested) {
    }
}
