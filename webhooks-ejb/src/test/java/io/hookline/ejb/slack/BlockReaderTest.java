package io.hookline.ejb.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.slack.Block.Image;
import io.hookline.ejb.slack.Block.RichList;
import io.hookline.ejb.slack.Block.RichText;
import io.hookline.ejb.slack.Block.Section;
import io.hookline.ejb.slack.Block.Style;
import io.hookline.ejb.slack.Block.Text;
import io.hookline.ejb.slack.Block.TextObject;
import io.hookline.ejb.slack.Block.User;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link BlockReader} makes of the JSON: typed records, only usable URLs, errors naming the path. */
class BlockReaderTest {

    @Test
    void readsASectionIntoItsRecord() {
        List<Block> blocks = BlockReader.blocks(
                json("[{\"type\":\"section\",\"text\":\"hi\","
                        + "\"fields\":[{\"type\":\"plain_text\",\"text\":\"a\"}],"
                        + "\"accessory\":{\"type\":\"image\",\"image_url\":\"https://example.com/i.png\",\"alt_text\":\"i\"}},"
                        + "{\"type\":\"file\"},{\"type\":\"actions\"}]"),
                "blocks");
        assertEquals(
                List.of(
                        new Section(
                                new TextObject("hi", false),
                                List.of(new TextObject("a", true)),
                                new Image("https://example.com/i.png", "i", null),
                                false),
                        new Block.Interactive()),
                blocks);
    }

    @Test
    void readsRichTextListsAndInlineElements() {
        List<Block> blocks = BlockReader.blocks(
                json("[{\"type\":\"rich_text\",\"elements\":[{\"type\":"
                        + "\"rich_text_list\",\"style\":\"ordered\",\"indent\":1,\"offset\":2,\"elements\":[{\"type\":"
                        + "\"rich_text_section\",\"elements\":[{\"type\":\"text\",\"text\":\"x\",\"style\":{\"bold\":true}},"
                        + "{\"type\":\"user\",\"user_id\":\"U1\"},{\"type\":\"team\"}]}]}]}]"),
                "blocks");
        Style bold = new Style(true, false, false, false);
        assertEquals(
                List.of(new RichText(List.of(new RichList(
                        true, 1, 2, List.of(List.of(new Text("x", bold), new User("U1", Style.NONE))))))),
                blocks);
    }

    @Test
    void anImageWithoutAUsableUrlIsNotReadFurther() {
        // alt_text has the wrong type, but an image that cannot be shown is not read past its URL
        assertEquals(
                List.of(),
                BlockReader.blocks(
                        json("[{\"type\":\"image\",\"image_url\":\"javascript:alert(1)\",\"alt_text\":5}]"), "blocks"));
    }

    @Test
    void aWrongTypeNamesItsPath() {
        HooklineException e = assertThrows(
                HooklineException.class,
                () -> BlockReader.blocks(
                        json(
                                "[{\"type\":\"divider\"},{\"type\":\"context\",\"elements\":[{\"type\":\"mrkdwn\",\"text\":[]}]}]"),
                        "attachments[1].blocks"));
        assertEquals(400, e.status());
        assertEquals("invalid_payload", e.id());
        assertEquals("attachments[1].blocks[1].elements[0].text must be a string", e.getMessage());
    }

    private static JsonArray json(String text) {
        return Json.createReader(new StringReader(text)).readArray();
    }
}
