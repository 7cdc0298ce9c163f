package io.hookline.api.view;

/**
 * One audit log entry in Mattermost's shape ({@code GET /api/v4/audits}): who ({@code userId}) did what
 * ({@code action}, with the target and the change in {@code extraInfo}), when, from where.
 */
public record AuditView(String id, long createAt, String userId, String action, String extraInfo, String ipAddress) {}
