package io.hookline.ejb.hook;

/**
 * One post as {@link PostComposer} makes it from a payload: its message (one part of a split text), its
 * {@code type}, and its props as the JSON text stored. Where it goes (channel, thread), who posts it, and its id,
 * time and {@code ts} are added by {@link HookPoster} when it stores it.
 */
public record ComposedPost(String message, String type, String props) {}
