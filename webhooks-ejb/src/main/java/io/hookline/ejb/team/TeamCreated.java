package io.hookline.ejb.team;

/**
 * A team was created, its creator already its member; fired inside the creating transaction. Events, so that
 * the channels a team starts with are the channel package's business and this package does not depend on it.
 */
public record TeamCreated(String teamId, String creatorId, long at) {}
