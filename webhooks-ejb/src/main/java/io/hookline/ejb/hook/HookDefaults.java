package io.hookline.ejb.hook;

/**
 * What the hook itself contributes to its posts: its display name, and the username and icon it posts under
 * unless the payload overrides them (and the System Console allows it).
 */
public record HookDefaults(String displayName, String username, String iconUrl) {}
