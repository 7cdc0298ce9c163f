package io.hookline.ejb.hook;

import io.hookline.api.view.HookView;
import io.hookline.ejb.audit.AuditDetails;

/**
 * What the audit log says about a hook change: Mattermost's action names, the masked id as target, and the
 * fields that changed. Never the whole id: the audit log is read by every system admin and sent to the log.
 */
final class HookAudit {

    static final String CREATE = "createIncomingHook";
    static final String UPDATE = "updateIncomingHook";
    static final String DELETE = "deleteIncomingHook";
    static final String REGENERATE = "regenerateIncomingHook";
    static final String ROTATE = "rotateIncomingHook";
    static final String REVOKE_PREVIOUS = "revokePreviousIncomingHookUrl";
    /** The 404 for a hook without a previous id in a grace period (revoke, or read the senders). */
    static final String NO_PREVIOUS_ID = "app.webhooks.previous_id.not_found";

    private HookAudit() {}

    static String target(String hookId) {
        return "hook " + HookSecrets.mask(hookId);
    }

    static AuditDetails created(HookView hook) {
        return AuditDetails.of()
                .with("display_name", hook.displayName())
                .with("channel_id", hook.channelId())
                .with("channel_locked", hook.channelLocked());
    }

    /** Each editable field whose value changed, old → new. */
    static AuditDetails updated(HookView before, HookView after) {
        AuditDetails details = AuditDetails.of()
                .changed("channel_id", before.channelId(), after.channelId())
                .changed("display_name", before.displayName(), after.displayName())
                .changed("description", before.description(), after.description())
                .changed("username", before.username(), after.username())
                .changed("icon_url", before.iconUrl(), after.iconUrl())
                .changed("channel_locked", before.channelLocked(), after.channelLocked());
        return details.isEmpty() ? AuditDetails.of().with("unchanged", true) : details;
    }

    static AuditDetails deleted(HookView hook) {
        return AuditDetails.of().with("display_name", hook.displayName());
    }

    /** The old id is the target; the new one is shown masked too. */
    static AuditDetails regenerated(HookView renewed) {
        return AuditDetails.of()
                .with("new_id", HookSecrets.mask(renewed.id()))
                .with("display_name", renewed.displayName());
    }

    /** As {@link #regenerated}, saying when a previous id still in its grace period was ended with it. */
    static AuditDetails regenerated(HookView renewed, boolean endedPrevious) {
        AuditDetails details = regenerated(renewed);
        return endedPrevious ? details.with("previous_id_revoked", true) : details;
    }

    /** The old id (the target) keeps working until {@code expiresAt}; an older previous id, if any, ended. */
    static AuditDetails rotated(HookView renewed, long graceSeconds, long expiresAt, boolean endedPrevious) {
        AuditDetails details =
                regenerated(renewed).with("grace_seconds", graceSeconds).with("previous_id_expires_at", expiresAt);
        return endedPrevious ? details.with("older_previous_id_revoked", true) : details;
    }

    /** When the previous id would have stopped on its own. */
    static AuditDetails revokedPrevious(long expiresAt) {
        return AuditDetails.of().with("previous_id_expires_at", expiresAt);
    }
}
