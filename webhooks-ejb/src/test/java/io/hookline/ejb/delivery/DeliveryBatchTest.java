package io.hookline.ejb.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A drained batch before it is written: only what survives pruning is inserted, in the log's order. */
class DeliveryBatchTest {

    private static DeliveryAttempt a(String hook, int n) {
        return DeliveryAttempt.refused(hook, n, 400, "no_text", "127.0.0.1", n, 0);
    }

    @Test
    void keepsEachHooksNewestInOrder() {
        List<DeliveryAttempt> drained = List.of(a("x", 1), a("y", 2), a("x", 3), a("x", 4), a("y", 5), a("x", 6));
        assertEquals(List.of(a("y", 2), a("x", 4), a("y", 5), a("x", 6)), DeliveryBatch.newestPerHook(drained, 2));
        assertEquals(List.of(a("y", 5), a("x", 6)), DeliveryBatch.newestPerHook(drained, 1));
    }

    @Test
    void atAndPastTheBatchSizeEverythingIsKept() {
        List<DeliveryAttempt> drained = List.of(a("x", 1), a("x", 2), a("x", 3));
        assertEquals(drained, DeliveryBatch.newestPerHook(drained, 3));
        assertEquals(drained, DeliveryBatch.newestPerHook(drained, 4));
        assertEquals(List.of(a("x", 2), a("x", 3)), DeliveryBatch.newestPerHook(drained, 2));
    }

    @Test
    void retentionZeroKeepsNothing() {
        assertEquals(List.of(), DeliveryBatch.newestPerHook(List.of(a("x", 1)), 0));
    }

    @Test
    void hooksOfABatchEachOnce() {
        assertEquals(Set.of("x", "y"), DeliveryBatch.hooksOf(List.of(a("x", 1), a("y", 2), a("x", 3))));
        assertEquals(List.of("y", "x"), List.copyOf(DeliveryBatch.hooksOf(List.of(a("y", 1), a("x", 2), a("y", 3)))));
    }
}
