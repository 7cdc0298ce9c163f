package io.hookline.web.console.hooks;

import io.hookline.api.view.PostView;
import io.hookline.api.view.UserView;
import io.hookline.ejb.hook.HookDestination;
import io.hookline.ejb.post.NewPost;
import io.hookline.web.console.channel.ChannelViewLimits;
import io.hookline.web.console.channel.PostCard;
import io.hookline.web.console.channel.PostCards;
import io.hookline.web.console.channel.PostWindow;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.function.Function;

/**
 * The posts a dry run planned, as the channel view would show them once stored: each made the {@link PostView}
 * the channel view reads back, then carded by the channel view's own {@link PostCards} and bounded by its own
 * {@link PostWindow}, so the preview is the same HTML (split parts, attachments, blocks) with nothing stored.
 * The planned ids name no post (none was written): the cards are numbered {@code preview-1..n} instead.
 */
final class PreviewCards {

    static final String ID_PREFIX = "preview-";

    private static final JsonProvider JSON = JsonProvider.provider();

    private PreviewCards() {}

    static List<PostCard> of(HookDestination planned, Function<String, UserView> users, ChannelViewLimits limits) {
        PostWindow window = new PostWindow(limits);
        List<NewPost> posts = planned.posts();
        for (int i = 0; i < posts.size(); i++) {
            NewPost post = posts.get(i);
            PostView view = new PostView(
                    ID_PREFIX + (i + 1),
                    post.createAt(),
                    post.createAt(),
                    0,
                    0,
                    post.userId(),
                    post.channelId(),
                    post.rootId(),
                    post.message(),
                    post.type(),
                    props(post.props()));
            window.put(PostCards.of(view, users));
        }
        return window.posts();
    }

    private static JsonObject props(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
