package io.hookline.ejb.channel;

import io.hookline.ejb.audit.AuditDetails;

/**
 * What the audit log says about channel membership and archiving: Mattermost's action names, the channel as
 * target, its name in the details so an entry is readable after the channel is gone.
 */
final class ChannelAudit {

    static final String ADD_MEMBER = "addChannelMember";
    static final String REMOVE_MEMBER = "removeChannelMember";
    static final String ARCHIVE = "deleteChannel";
    static final String RESTORE = "restoreChannel";

    private ChannelAudit() {}

    static String target(Channel channel) {
        return "channel " + channel.id();
    }

    static AuditDetails member(Channel channel, String userId) {
        return AuditDetails.of().with("channel", channel.name()).with("user_id", userId);
    }

    static AuditDetails named(Channel channel) {
        return AuditDetails.of().with("channel", channel.name());
    }
}
