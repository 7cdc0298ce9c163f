package io.hookline.api.view;

/** A personal access token; {@code token} is present only in the answer that creates it. */
public record TokenView(String id, String token, String userId, String description, boolean isActive) {}
