package io.hookline.ejb.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one write of the log does with a drained batch, decided without the database. */
final class DeliveryBatch {

    private DeliveryBatch() {}

    /**
     * The attempts worth inserting: for each hook only its newest {@code keep}, since older ones would be
     * pruned in the same transaction. Order (the log's order) is kept.
     */
    static List<DeliveryAttempt> newestPerHook(List<DeliveryAttempt> drained, int keep) {
        if (keep <= 0) {
            return List.of();
        }
        Map<String, ArrayDeque<Integer>> newest = new HashMap<>();
        for (int i = 0; i < drained.size(); i++) {
            ArrayDeque<Integer> positions =
                    newest.computeIfAbsent(drained.get(i).hookId(), h -> new ArrayDeque<>());
            positions.addLast(i);
            if (positions.size() > keep) {
                positions.removeFirst();
            }
        }
        List<Integer> kept = new ArrayList<>(drained.size());
        newest.values().forEach(kept::addAll);
        kept.sort(Comparator.naturalOrder());
        List<DeliveryAttempt> result = new ArrayList<>(kept.size());
        for (int i : kept) {
            result.add(drained.get(i));
        }
        return result;
    }

    /** The hooks a batch touches, each once, in first-seen order: the ones to prune. */
    static Set<String> hooksOf(List<DeliveryAttempt> batch) {
        Set<String> hooks = new LinkedHashSet<>();
        for (DeliveryAttempt attempt : batch) {
            hooks.add(attempt.hookId());
        }
        return hooks;
    }
}
