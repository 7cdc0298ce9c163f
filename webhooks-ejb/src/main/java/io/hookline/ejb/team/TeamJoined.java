package io.hookline.ejb.team;

/** A user became (or again became) a member of a team; fired inside the transaction that added them. */
public record TeamJoined(String teamId, String userId, long at) {}
