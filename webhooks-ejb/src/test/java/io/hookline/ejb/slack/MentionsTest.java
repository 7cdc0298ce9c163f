package io.hookline.ejb.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 15, point 3: at most {@link Mentions#MAX_RESOLVED_IDS} ids per message, resolved by one batch call. */
class MentionsTest {

    /** Knows every id ("U7" is "user7", "C7" is "chan7") and records each call. */
    private static final class CountingResolver implements MentionResolver {
        final List<Set<String>> userCalls = new ArrayList<>();
        final List<Set<String>> channelCalls = new ArrayList<>();

        @Override
        public Names resolve(Set<String> userIds, Set<String> channelIds) {
            userCalls.add(userIds);
            channelCalls.add(channelIds);
            Map<String, String> users = new HashMap<>();
            userIds.forEach(id -> users.put(id, "user" + id.substring(1)));
            Map<String, String> channels = new HashMap<>();
            channelIds.forEach(id -> channels.put(id, "chan" + id.substring(1)));
            return new Names(users, channels);
        }

        int calls() {
            return userCalls.size();
        }
    }

    private static String userMentions(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append("<@U").append(i).append("> ");
        }
        return text.toString().strip();
    }

    @Test
    void theFirst100DistinctIdsAreResolvedAndTheRestStayAsWritten() {
        CountingResolver resolver = new CountingResolver();
        String markdown = Mentions.translate(resolver, m -> SlackTranslator.toMarkdown(userMentions(0, 150), m));
        assertEquals(1, resolver.calls());
        assertEquals(Mentions.MAX_RESOLVED_IDS, resolver.userCalls.get(0).size());
        List<String> words = List.of(markdown.split(" "));
        assertEquals(150, words.size());
        for (int i = 0; i < 150; i++) {
            assertEquals(i < 100 ? "@user" + i : "@U" + i, words.get(i), "mention " + i);
        }
    }

    @Test
    void exactly100IdsAreAllResolved() {
        CountingResolver resolver = new CountingResolver();
        String markdown = Mentions.translate(resolver, m -> SlackTranslator.toMarkdown(userMentions(0, 100), m));
        assertEquals(1, resolver.calls());
        assertTrue(markdown.endsWith("@user99"), markdown);
        String oneMore =
                Mentions.translate(new CountingResolver(), m -> SlackTranslator.toMarkdown(userMentions(0, 101), m));
        assertTrue(oneMore.endsWith("@user98 @user99 @U100"), oneMore);
    }

    @Test
    void repeatedIdsCountOnceAndUsersAndChannelsShareTheCap() {
        CountingResolver resolver = new CountingResolver();
        StringBuilder text = new StringBuilder();
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 60; i++) {
                text.append("<@U").append(i).append("> <#C").append(i).append("> ");
            }
        }
        String markdown = Mentions.translate(resolver, m -> SlackTranslator.toMarkdown(text.toString(), m));
        assertEquals(1, resolver.calls());
        // In order of appearance: U0 C0 U1 C1 ... U49 C49 fill the 100.
        assertEquals(50, resolver.userCalls.get(0).size());
        assertEquals(50, resolver.channelCalls.get(0).size());
        assertTrue(markdown.startsWith("@user0 ~chan0 @user1 ~chan1"), markdown);
        assertTrue(markdown.contains("@user49 ~chan49 @U50 ~C50"), markdown);
    }

    @Test
    void aMentionFloodAcrossTextAttachmentsAndBlocksIsOneBatchCall() {
        CountingResolver resolver = new CountingResolver();
        String text = userMentions(0, 5000);
        JsonArray attachments = json("[{\"text\":\"" + userMentions(5000, 6000) + "\",\"fields\":[{\"title\":\"<#C1>\","
                + "\"value\":\"<#C2>\"}],\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\","
                + "\"text\":\"<@U7000>\"}}]}]");
        StringBuilder elements = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            elements.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"user\",\"user_id\":\"U")
                    .append(8000 + i)
                    .append("\"},{\"type\":\"channel\",\"channel_id\":\"C")
                    .append(8000 + i)
                    .append("\"}");
        }
        JsonArray blocks = json("[{\"type\":\"rich_text\",\"elements\":[{\"type\":\"rich_text_section\","
                + "\"elements\":[" + elements + "]}]}]");
        List<String> out = Mentions.translate(
                resolver,
                m -> List.of(
                        SlackTranslator.toMarkdown(text, m),
                        SlackAttachments.normalize(attachments, m, b -> BlockKit.toMarkdown(b, m))
                                .toString(),
                        BlockKit.toMarkdown(blocks, m)));
        assertEquals(1, resolver.calls(), "one batch call for 9,000 mentions");
        Set<String> asked = new LinkedHashSet<>(resolver.userCalls.get(0));
        asked.addAll(resolver.channelCalls.get(0));
        assertEquals(Mentions.MAX_RESOLVED_IDS, asked.size());
        assertTrue(out.get(0).startsWith("@user0 @user1"), out.get(0));
        assertTrue(out.get(1).contains("@U5000"), "past the cap: as written");
        assertTrue(out.get(2).startsWith("@U8000"), out.get(2));
    }

    @Test
    void blockKitUserAndChannelElementsAreCollectedInTheSameBatch() {
        CountingResolver resolver = new CountingResolver();
        JsonArray blocks = json("[{\"type\":\"rich_text\",\"elements\":[{\"type\":\"rich_text_section\",\"elements\":"
                + "[{\"type\":\"user\",\"user_id\":\"U1\"},{\"type\":\"text\",\"text\":\" \"},"
                + "{\"type\":\"channel\",\"channel_id\":\"C1\"}]}]}]");
        assertEquals("@user1 ~chan1", Mentions.translate(resolver, m -> BlockKit.toMarkdown(blocks, m)));
        assertEquals(1, resolver.calls());
        assertEquals(Set.of("U1"), resolver.userCalls.get(0));
        assertEquals(Set.of("C1"), resolver.channelCalls.get(0));
    }

    @Test
    void noMentionsAndLabelledMentionsCallNothing() {
        CountingResolver resolver = new CountingResolver();
        assertEquals(
                "plain @bob ~general",
                Mentions.translate(resolver, m -> SlackTranslator.toMarkdown("plain <@U1|bob> <#C1|general>", m)));
        assertEquals(0, resolver.calls());
    }

    @Test
    void idsTheResolverDoesNotAnswerStayAsWritten() {
        MentionResolver hidesChannels = (users, channels) -> new MentionResolver.Names(Map.of("U1", "bob"), Map.of());
        assertEquals("@bob ~C1", Mentions.translate(hidesChannels, m -> SlackTranslator.toMarkdown("<@U1> <#C1>", m)));
    }

    private static JsonArray json(String text) {
        return Json.createReader(new StringReader(text)).readArray();
    }
}
