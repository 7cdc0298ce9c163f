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

    private HookAudit() {
    }

    static String target(String hookId) {
        return "hook " + HookSecrets.mask(hookId);
    }

    static AuditDetails created(HookView hook) {
        return AuditDetails.of().with("display_name", hook.displayName()).with("channel_id", hook.channelId())
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
        return AuditDetails.of().with("new_id", HookSecrets.mask(renewed.id()))
                .with("display_name", renewed.displayName());
    }
}
