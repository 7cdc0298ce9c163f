package io.hookline.ejb.hook;

import java.util.List;

/** Where a hook request's message went: the channel and the posts it became (more than one when split). */
public record HookDelivery(String channelId, List<String> postIds) {
}
