package io.hookline.ejb.channel;

/** Mattermost's channel types, stored and shown as their one-letter codes. */
public enum ChannelType {
    /** Public channel: every team member may read it and post to it. */
    O,
    /** Private group: members only. */
    P,
    /** Direct message between two users. */
    D
}
