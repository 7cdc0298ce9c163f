package io.hookline.api.error;

/** Mattermost's error body: {@code {"id","message","detailed_error","request_id","status_code"}}. */
public record ApiError(String id, String message, String detailedError, String requestId, int statusCode) {}
