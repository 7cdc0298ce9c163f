package io.hookline.web.console.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.view.PostView;
import io.hookline.api.view.UserView;
import io.hookline.ejb.hook.HookDestination;
import io.hookline.ejb.post.NewPost;
import io.hookline.web.console.channel.ChannelViewLimits;
import io.hookline.web.console.channel.PostCard;
import io.hookline.web.console.channel.PostCards;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PreviewCardsTest {

    private static final Function<String, UserView> NOBODY = id -> null;
    private static final ChannelViewLimits LIMITS = new ChannelViewLimits(
            ChannelViewLimits.DEFAULT_MAX_POSTS,
            ChannelViewLimits.DEFAULT_MAX_BYTES,
            ChannelViewLimits.DEFAULT_MAX_POST_BYTES);

    private static final String TABLE = "##### Build Break\n| a | b |\n|---|---|\n| 1 | 2 |";
    private static final String PROPS = "{\"from_webhook\":\"true\",\"override_username\":\"ci\"}";
    private static final String LAST_PROPS = "{\"from_webhook\":\"true\",\"override_username\":\"ci\","
            + "\"attachments\":[{\"color\":\"#ff0000\",\"title\":\"Details\",\"text\":\"*bold*\"}]}";

    @Test
    void eachPlannedPartIsCardedAsTheChannelViewCardsTheStoredPost() {
        NewPost first = NewPost.of("channelid", "creatorid", "", TABLE, "", PROPS, 1_000, "hookid");
        NewPost last =
                NewPost.of("channelid", "creatorid", "", "part two", "slack_attachment", LAST_PROPS, 1_001, "hookid");
        List<PostCard> cards = PreviewCards.of(
                new HookDestination("channelid", List.of(first.id(), last.id()), List.of(first, last)), NOBODY, LIMITS);

        assertEquals(
                List.of("preview-1", "preview-2"),
                cards.stream().map(PostCard::id).toList());
        // The same HTML as the channel view makes of the stored post.
        assertEquals(stored(first).messageHtml(), cards.get(0).messageHtml());
        assertTrue(
                cards.get(0).messageHtml().contains("<h5>Build Break</h5>"),
                cards.get(0).messageHtml());
        assertTrue(cards.get(0).messageHtml().contains("<table>"), cards.get(0).messageHtml());
        assertEquals("ci", cards.get(0).authorName());
        assertTrue(cards.get(0).bot());
        assertEquals(1, cards.get(1).attachments().size());
        assertEquals(stored(last).attachments(), cards.get(1).attachments());
    }

    @Test
    void aPartLargerThanTheChannelViewsPerPostBoundIsClippedAsThere() {
        ChannelViewLimits small = new ChannelViewLimits(
                ChannelViewLimits.DEFAULT_MAX_POSTS,
                ChannelViewLimits.DEFAULT_MAX_BYTES,
                ChannelViewLimits.MIN_MAX_POST_BYTES);
        StringBuilder attachments = new StringBuilder("{\"from_webhook\":\"true\",\"attachments\":[");
        for (int i = 0; i < 20; i++) {
            attachments
                    .append(i == 0 ? "" : ",")
                    .append("{\"text\":\"")
                    .append("y".repeat(2_000))
                    .append("\"}");
        }
        NewPost big = NewPost.of(
                "channelid",
                "creatorid",
                "",
                "big",
                "slack_attachment",
                attachments.append("]}").toString(),
                1_000,
                "hookid");
        PostCard card = PreviewCards.of(
                        new HookDestination("channelid", List.of(big.id()), List.of(big)), NOBODY, small)
                .get(0);
        assertTrue(card.clipped());
        assertTrue(
                card.attachments().size() < 20,
                "attachments kept: " + card.attachments().size());
    }

    private static PostCard stored(NewPost post) {
        return PostCards.of(
                new PostView(
                        post.id(),
                        post.createAt(),
                        post.createAt(),
                        0,
                        0,
                        post.userId(),
                        post.channelId(),
                        post.rootId(),
                        post.message(),
                        post.type(),
                        Json.createReader(new StringReader(post.props())).readObject()),
                NOBODY);
    }
}
