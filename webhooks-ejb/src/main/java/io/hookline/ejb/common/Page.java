package io.hookline.ejb.common;

import io.hookline.api.error.HooklineException;
import jakarta.persistence.TypedQuery;

/** Mattermost's paging: {@code page} from 0, {@code per_page} 60 by default and at most 200. */
public record Page(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 60;
    public static final int MAX_PER_PAGE = 200;

    public static Page of(int page, int perPage) {
        if (page < 0 || perPage < 0) {
            throw HooklineException.badRequest(
                    "api.context.invalid_url_param.app_error",
                    "Invalid page or per_page parameter: both must be 0 or more.");
        }
        int size = perPage == 0 ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE);
        if ((long) page * size > Integer.MAX_VALUE) {
            throw HooklineException.badRequest("api.context.invalid_url_param.app_error", "Invalid page parameter.");
        }
        return new Page(page, size);
    }

    public <T> TypedQuery<T> apply(TypedQuery<T> query) {
        return query.setFirstResult(page * perPage).setMaxResults(perPage);
    }
}
