package io.hookline.web.live;

import java.util.List;

/**
 * CDI event: posts were committed to a channel, new, edited or deleted. Fired by the web layer after the EJB
 * call that stored them returned, i.e. after its transaction committed, so observers never see posts that may
 * roll back. The views fetch what changed themselves (new posts by create_at, edits and deletes by update_at).
 */
public record PostsCommitted(String channelId, List<String> postIds) {}
