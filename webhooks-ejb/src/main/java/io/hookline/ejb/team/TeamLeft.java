package io.hookline.ejb.team;

/** A user left a team or was removed from it; fired inside the transaction that removed them. */
public record TeamLeft(String teamId, String userId) {}
