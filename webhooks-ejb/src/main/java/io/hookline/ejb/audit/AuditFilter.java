package io.hookline.ejb.audit;

/**
 * What the System Console's audit log is narrowed to: entries whose actor's username contains {@code actor}, whose
 * action contains {@code action} (both case-insensitive, blank for any), made at or after {@code fromMillis} and
 * before {@code toMillis} (epoch milliseconds, null for no bound).
 */
public record AuditFilter(String actor, String action, Long fromMillis, Long toMillis) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null);
}
