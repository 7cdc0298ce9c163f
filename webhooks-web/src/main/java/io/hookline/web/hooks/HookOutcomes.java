package io.hookline.web.hooks;

import io.hookline.ejb.hook.HookPostStore;
import io.hookline.ejb.hook.HookPoster;
import io.hookline.ejb.idempotency.IdempotencyKey;
import io.hookline.ejb.idempotency.KeyDecision;
import io.hookline.ejb.post.PostSplitter;
import java.util.Set;

/**
 * The {@code outcome} label of a hook request in {@code GET /metrics}: {@code ok}, one of the error ids a hook
 * URL answers (README, "The webhook contract"), or {@value #OTHER}. A closed list, so the label has a fixed number
 * of values whatever requests send: an error id that is not on it (an answer JAX-RS gave before any hook resource
 * ran: unknown path, wrong method) counts as {@value #OTHER}, with its status in the {@code status} label.
 */
final class HookOutcomes {

    static final String OK = "ok";
    static final String OTHER = "other";

    /** Every error id the hook resources and the filter in front of them answer. */
    static final Set<String> ERROR_IDS = Set.of(
            HookAnswer.RATE_LIMITED,
            HookAnswerFilter.REPLAYED_ID,
            "hooks_disabled",
            "no_service",
            "invalid_payload",
            QueryFlag.ERROR_ID,
            HookPoster.INVALID_THREAD,
            PostSplitter.MESSAGE_TOO_LONG,
            "no_text",
            "too_many_attachments",
            "channel_not_found",
            "user_not_found",
            "action_prohibited",
            "channel_is_archived",
            "payload_too_large",
            IdempotencyKey.INVALID,
            KeyDecision.REUSED,
            KeyDecision.IN_FLIGHT,
            HookPostStore.POST_NOT_FOUND,
            "database_unavailable",
            "api.context.server_error");

    /** Every value the label can take. */
    static final Set<String> LABELS = labels();

    private HookOutcomes() {}

    /**
     * The outcome of an answer with {@code status} and {@code errorId}: the error body's id, empty for an answer
     * without one, or null when no hook resource or the filter answered (then it is {@value #OTHER}).
     */
    static String of(int status, String errorId) {
        if (errorId == null) {
            return OTHER;
        }
        if (errorId.isEmpty()) {
            return status >= 200 && status < 400 ? OK : OTHER;
        }
        return ERROR_IDS.contains(errorId) ? errorId : OTHER;
    }

    private static Set<String> labels() {
        java.util.HashSet<String> all = new java.util.HashSet<>(ERROR_IDS);
        all.add(OK);
        all.add(OTHER);
        return Set.copyOf(all);
    }
}
