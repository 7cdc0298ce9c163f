package io.hookline.ejb.common;

import jakarta.persistence.TypedQuery;
import java.util.Map;

/**
 * One page of a console list (issue 21): the first row (from 0), how many rows (1 to {@link #MAX_ROWS}; the
 * console asks for 50), and a sort key with its direction. The key is only ever looked up in the list's own
 * whitelist ({@link #orderBy}), which maps it to an entity field: text from the browser never reaches JPQL, and
 * a key the list does not know is ignored (the list's default order applies).
 */
public record ListWindow(int first, int max, String sortKey, boolean descending) {

    /** The most rows one window holds: the API's largest page. */
    public static final int MAX_ROWS = Page.MAX_PER_PAGE;

    /** Rows a console list shows per page. */
    public static final int CONSOLE_ROWS = 50;

    /** A window within bounds: a negative first row starts at 0, a size outside 1..{@link #MAX_ROWS} is clamped. */
    public static ListWindow of(int first, int max, String sortKey, boolean descending) {
        int rows = max <= 0 ? CONSOLE_ROWS : Math.min(max, MAX_ROWS);
        return new ListWindow(Math.max(first, 0), rows, sortKey, descending);
    }

    /** The first {@code max} rows in the list's default order. */
    public static ListWindow first(int max) {
        return of(0, max, null, false);
    }

    /**
     * The ORDER BY clause (without the words): the whitelisted field of {@link #sortKey} in the asked direction,
     * then {@code tieBreak} so pages never overlap; {@code defaultOrder} when there is no key or an unknown one.
     */
    public String orderBy(Map<String, String> sortable, String defaultOrder, String tieBreak) {
        String field = sortKey == null ? null : sortable.get(sortKey);
        if (field == null) {
            return defaultOrder;
        }
        return field + (descending ? " DESC" : " ASC") + ", " + tieBreak;
    }

    /** Whether {@link #sortKey} is one of {@code sortable}'s keys (else the default order applies). */
    public boolean sortsBy(Map<String, String> sortable) {
        return sortKey != null && sortable.containsKey(sortKey);
    }

    public <T> TypedQuery<T> apply(TypedQuery<T> query) {
        return query.setFirstResult(first).setMaxResults(max);
    }
}
