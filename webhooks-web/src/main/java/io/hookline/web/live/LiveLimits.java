package io.hookline.web.live;

import io.hookline.ejb.config.DeploymentConfig;

/**
 * The bounds of the live streams (issue 15, point 7), deployment settings (environment or JVM system
 * property) read once at start. Each protects the server from one kind of client: many tabs or a script
 * opening streams ({@link #streamsPerUser}), a client that opens a stream and never reads it
 * ({@link #queueCapacity}), a user who lost access keeping a stream they opened before ({@link #recheckMillis}).
 * {@link #otherServersMillis} is how often a server asks the database whether the channels watched on it got
 * posts through another server (several servers behind a load balancer).
 */
public record LiveLimits(int streamsPerUser, int queueCapacity, int recheckMillis, int otherServersMillis) {

    /** Setting: the most live streams one user holds open; opening one more closes their oldest. */
    public static final String STREAMS_PER_USER_SETTING = "HOOKLINE_LIVE_STREAMS_PER_USER";
    /** Setting: events one stream may have waiting to be written; a reader that falls further behind is disconnected. */
    public static final String QUEUE_CAPACITY_SETTING = "HOOKLINE_LIVE_STREAM_QUEUE";
    /** Setting: how often, at most, open streams' channel access is checked again after a change to users or members. */
    public static final String RECHECK_MILLIS_SETTING = "HOOKLINE_LIVE_ACCESS_RECHECK_MILLIS";
    /** Setting: how often the channels watched here are checked for posts another server stored. */
    public static final String OTHER_SERVERS_MILLIS_SETTING = "HOOKLINE_LIVE_OTHER_SERVERS_MILLIS";

    /** Ten tabs of channel views per user. */
    public static final int DEFAULT_STREAMS_PER_USER = 10;
    /** Sixteen "posts" events: a reading browser takes each within milliseconds. */
    public static final int DEFAULT_QUEUE_CAPACITY = 16;
    /** A second: removal from a channel ends the stream about as fast as a person notices. */
    public static final int DEFAULT_RECHECK_MILLIS = 1000;
    /** Half a second: a post through another server shows within a second; one indexed query per interval. */
    public static final int DEFAULT_OTHER_SERVERS_MILLIS = 500;

    public static final int MAX_STREAMS_PER_USER = 1000;
    public static final int MAX_QUEUE_CAPACITY = 1024;
    public static final int MIN_RECHECK_MILLIS = 100;
    public static final int MAX_RECHECK_MILLIS = 60_000;
    public static final int MIN_OTHER_SERVERS_MILLIS = 50;
    public static final int MAX_OTHER_SERVERS_MILLIS = 60_000;

    public LiveLimits {
        if (streamsPerUser < 1 || queueCapacity < 1 || recheckMillis < 1 || otherServersMillis < 1) {
            throw new IllegalArgumentException("live stream limits must be positive");
        }
    }

    static LiveLimits fromDeployment() {
        return new LiveLimits(
                DeploymentConfig.integer(STREAMS_PER_USER_SETTING, DEFAULT_STREAMS_PER_USER, 1, MAX_STREAMS_PER_USER),
                DeploymentConfig.integer(QUEUE_CAPACITY_SETTING, DEFAULT_QUEUE_CAPACITY, 1, MAX_QUEUE_CAPACITY),
                DeploymentConfig.integer(
                        RECHECK_MILLIS_SETTING, DEFAULT_RECHECK_MILLIS, MIN_RECHECK_MILLIS, MAX_RECHECK_MILLIS),
                DeploymentConfig.integer(
                        OTHER_SERVERS_MILLIS_SETTING,
                        DEFAULT_OTHER_SERVERS_MILLIS,
                        MIN_OTHER_SERVERS_MILLIS,
                        MAX_OTHER_SERVERS_MILLIS));
    }
}
