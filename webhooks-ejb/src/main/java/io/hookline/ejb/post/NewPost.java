package io.hookline.ejb.post;

import io.hookline.ejb.common.Ids;

/** A post about to be stored by {@link PostWriter}: the row of {@code posts}, id generated here (no sequence). */
public record NewPost(String id, String channelId, String userId, String rootId, String message, String type,
                      String props, long createAt) {

    public static NewPost of(String channelId, String userId, String rootId, String message, String type,
                             String props, long createAt) {
        return new NewPost(Ids.newId(), channelId, userId, rootId, message, type, props, createAt);
    }
}
