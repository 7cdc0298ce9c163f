package io.hookline.web.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HookBodyParserTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static WebhookPayload parse(String contentType, String body) {
        return HookBodyParser.parse(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalid(String expectedId, String contentType, String body) {
        HooklineException e = assertThrows(HooklineException.class, () -> parse(contentType, body));
        assertEquals(400, e.status());
        assertEquals(expectedId, e.id());
    }

    @Test
    void specFormExampleAsCurlSendsIt() {
        WebhookPayload p = parse(FORM, "payload={\"text\": \"Hello, this is some text.\"}");
        assertEquals("Hello, this is some text.", p.text());
    }

    @Test
    void urlEncodedFormPayload() {
        WebhookPayload p = parse(FORM, "payload=%7B%22text%22%3A%22a+b%26c%22%2C%22channel%22%3A%22off-topic%22%7D");
        assertEquals("a b&c", p.text());
        assertEquals("off-topic", p.channel());
    }

    @Test
    void rawFormPayloadKeepsQueryStringCharactersVerbatim() {
        WebhookPayload p = parse(FORM, "payload={\"text\": \"see http://x/?a=1&b=2+3%20\"}");
        assertEquals("see http://x/?a=1&b=2+3%20", p.text());
    }

    @Test
    void payloadFieldAmongOtherFormFields() {
        WebhookPayload p = parse(FORM + "; charset=UTF-8", "token=abc&payload=%7B%22text%22%3A%22hi%22%7D&x=1");
        assertEquals("hi", p.text());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "application/json; charset=utf-8",
                "APPLICATION/JSON;charset=UTF-8",
                "application/json; charset=\"utf-8\"",
                "application/json;",
                "application/json ; charset=utf-8"
            })
    void jsonBodyWithAnyCharsetParameterOrCase(String contentType) {
        assertEquals(
                "Hello, this is some text.",
                parse(contentType, "{\"text\": \"Hello, this is some text.\"}").text());
    }

    @Test
    void noContentTypeMeansJson() {
        assertEquals("x", parse(null, "{\"text\":\"x\"}").text());
    }

    /** Issue 22: a declared Content-Type that is no media type is a 400, never an exception of ours (a 500). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "\t",
                ";",
                ";;;",
                " ; ",
                "; charset=utf-8",
                "charset=utf-8",
                "text/",
                "/json",
                "/",
                "//",
                "application",
                "application/json/extra",
                "application /json",
                "\"application/json\"",
                "application/json charset=utf-8",
                "application/json; charset",
                "application/json; charset=",
                "application/json; =utf-8",
                "application/json; charset=\"utf-8",
                "application/json; charset=\"utf-8\\\"",
                "application/json; a=\"x\\",
                ",",
                "application/json, text/plain",
                "=",
                "*",
                "application/json; charset=utf 8",
                "application/json; a=\"\u0001\"",
                "appl\u00e9cation/json"
            })
    void aContentTypeThatIsNoMediaTypeIsInvalidPayload(String contentType) {
        assertInvalid("invalid_payload", contentType, "{\"text\":\"x\"}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json;;;",
                "application/json; charset=utf-8;;",
                "application/json; a=\"x;y\"",
                "application/json \t; \tcharset=utf-8",
                "application/*",
                "*/*",
                "text/plain; a=\"\\\"\"; b=c"
            })
    void oddButWellFormedContentTypesAreRead(String contentType) {
        assertEquals("x", parse(contentType, "{\"text\":\"x\"}").text());
    }

    @Test
    void allFieldsAndUnicode() {
        WebhookPayload p = parse(
                "application/json",
                "{\"text\":\"✅ ⚠️ 日本\",\"channel\":\"#town-square\","
                        + "\"username\":\"robot\",\"icon_url\":\"http://x/i.png\",\"icon_emoji\":\":ghost:\",\"extra\":1}");
        assertEquals("✅ ⚠️ 日本", p.text());
        assertEquals("#town-square", p.channel());
        assertEquals("robot", p.username());
        assertEquals("http://x/i.png", p.iconUrl());
        assertEquals(":ghost:", p.iconEmoji());
    }

    @Test
    void nullOrEmptyOverridesMeanNotSet() {
        WebhookPayload p = parse(
                "application/json",
                "{\"text\":\"t\",\"channel\":\"\",\"username\":null,\"icon_url\":\"\",\"icon_emoji\":null}");
        assertNull(p.channel());
        assertNull(p.username());
        assertNull(p.iconUrl());
        assertNull(p.iconEmoji());
    }

    @Test
    void byteOrderMarkBeforeJsonIsIgnored() {
        assertEquals(
                "bom", parse("application/json", "\uFEFF{\"text\":\"bom\"}").text());
    }

    @Test
    void missingTextIsNullNotAnError() {
        assertNull(parse("application/json", "{}").text());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json|{\"text\":",
                "application/json|not json",
                "application/json|[1,2]",
                "application/json|\"text\"",
                "application/json|{\"text\":1}",
                "application/json|{\"text\":\"a\",\"channel\":[]}",
                "application/json|''",
                "application/x-www-form-urlencoded|text=hello",
                "application/x-www-form-urlencoded|payload=%7B%22text%22%3A%zz",
                "application/x-www-form-urlencoded|''",
            })
    void malformedBodiesAreInvalidPayload(String contentType, String body) {
        assertInvalid("invalid_payload", contentType, body);
    }

    /** The spec's build-break example exactly as written there: raw line breaks inside the JSON string. */
    static final String SPEC_BUILD_BREAK = """
            payload={"text": "
            ---
            ##### Build Break - Project X - December 12, 2015 - 15:32 GMT +0
            | Component  | Tests Run   | Tests Failed                                   |
            |:-----------|:------------|:-----------------------------------------------|
            | Server     | 948         | :white_check_mark: 0                           |
            | Web Client | 123         | :warning: [2 (see details)](http://linktologs) |
            | iOS Client | 78          | :warning: [3 (see details)](http://linktologs) |
            ---
            "}""";

    @Test
    void specBuildBreakExampleWithRawNewlinesIsAcceptedLikeMattermost() {
        WebhookPayload p = parse(FORM, SPEC_BUILD_BREAK);
        assertTrue(p.text().startsWith("\n---\n##### Build Break - Project X"), p.text());
        assertTrue(
                p.text().contains("| Web Client | 123         | :warning: [2 (see details)](http://linktologs) |\n"));
        assertEquals(9, p.text().split("\n", -1).length - 1, "line breaks kept as line breaks");
    }

    @Test
    void rawTabsAndCarriageReturnsInsideStringsAreEscapedBeforeParsing() {
        assertEquals(
                "a\tb\r\nc",
                parse("application/json", "{\"text\":\"a\tb\r\nc\"}").text());
        // Outside strings they are plain JSON whitespace and must stay untouched.
        assertEquals("{\n\t\"a\":\"x\\ny\"}", HookBodyParser.escapeControlCharactersInStrings("{\n\t\"a\":\"x\\ny\"}"));
        assertEquals("{\"a\":\"q\\\"\\nz\"}", HookBodyParser.escapeControlCharactersInStrings("{\"a\":\"q\\\"\nz\"}"));
    }

    @Test
    void prettyPrintedStrictJsonParsesAsItIs() {
        // Line breaks and tabs between tokens, escaped ones inside strings: the escaping pass must change nothing.
        WebhookPayload p = parse(
                "application/json", "{\n\t\"text\": \"one\\ntwo\\t\\\"q\\\"\",\r\n\t\"channel\": \"town-square\"\n}");
        assertEquals("one\ntwo\t\"q\"", p.text());
        assertEquals("town-square", p.channel());
        // Still strict elsewhere: a raw line break does not make a broken document valid.
        assertInvalid("invalid_payload", "application/json", "{\n\"text\": \"a\"\n\"channel\": \"b\"}");
    }

    @Test
    void nulByteIsACleanInvalidPayload() {
        assertInvalid("invalid_payload", "application/json", "{\"text\":\"a\u0000b\"}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "json",
                "application/",
                "/json",
                "application json",
                "a/b/c",
                "@/x",
                "bad type",
                "application/json; charset",
                "application/json; =utf-8",
                "application/json; charset=\"unterminated",
                "application/json; charset = utf-8"
            })
    void malformedContentTypeIsInvalidPayload(String contentType) {
        assertInvalid("invalid_payload", contentType, "{\"text\":\"x\"}");
    }

    // --- multipart/form-data -------------------------------------------------------------------

    private static final String BOUNDARY = "----hookline7MA4YWxk";

    private static String multipart(String... nameValuePairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            body.append("--")
                    .append(BOUNDARY)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(nameValuePairs[i])
                    .append("\"\r\n\r\n")
                    .append(nameValuePairs[i + 1])
                    .append("\r\n");
        }
        return body.append("--").append(BOUNDARY).append("--\r\n").toString();
    }

    @Test
    void multipartWithAPayloadPart() {
        WebhookPayload p = parse(
                "multipart/form-data; boundary=" + BOUNDARY,
                multipart("payload", "{\"text\":\"from a part\",\"channel\":\"off-topic\"}"));
        assertEquals("from a part", p.text());
        assertEquals("off-topic", p.channel());
    }

    @Test
    void multipartWithFieldsAsParts() {
        WebhookPayload p = parse(
                "multipart/form-data; boundary=\"" + BOUNDARY + "\"",
                multipart(
                        "text",
                        "line 1\r\nline 2 ✅",
                        "channel",
                        "#town-square",
                        "username",
                        "robot",
                        "icon_url",
                        "https://x/i.png",
                        "icon_emoji",
                        ":ghost:"));
        assertEquals("line 1\r\nline 2 ✅", p.text());
        assertEquals("#town-square", p.channel());
        assertEquals("robot", p.username());
        assertEquals("https://x/i.png", p.iconUrl());
        assertEquals(":ghost:", p.iconEmoji());
    }

    @Test
    void aNulInAMultipartFieldIsRefusedLikeInJson() {
        assertInvalid("invalid_payload", "multipart/form-data; boundary=" + BOUNDARY, multipart("text", "a\u0000b"));
        assertInvalid(
                "invalid_payload",
                "multipart/form-data; boundary=" + BOUNDARY,
                multipart("text", "x", "type", "custom\u0000"));
    }

    @Test
    void aContentTypeAtTheLengthLimitIsReadAndOnePastItIsRefused() {
        String prefix = "application/json; a=\"";
        String atLimit = prefix + "x".repeat(HookBodyParser.MAX_CONTENT_TYPE_LENGTH - prefix.length() - 1) + "\"";
        assertEquals(HookBodyParser.MAX_CONTENT_TYPE_LENGTH, atLimit.length());
        assertEquals(
                "ok at the limit",
                parse(atLimit, "{\"text\":\"ok at the limit\"}").text());
        String pastLimit = prefix + "x".repeat(HookBodyParser.MAX_CONTENT_TYPE_LENGTH - prefix.length()) + "\"";
        assertInvalid("invalid_payload", pastLimit, "{\"text\":\"x\"}");
        // What overflowed the parameter pattern's stack before the cap: now a plain 400.
        assertInvalid("invalid_payload", prefix + "x".repeat(3000) + "\"", "{\"text\":\"x\"}");
    }

    @Test
    void multipartFilePartIsReadAsText() {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"payload\"; filename=\"m.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"text\":\"file\"}\r\n--" + BOUNDARY + "--\r\n";
        assertEquals(
                "file", parse("multipart/form-data; boundary=" + BOUNDARY, body).text());
    }

    @Test
    void malformedMultipartIsInvalidPayload() {
        assertInvalid("invalid_payload", "multipart/form-data", multipart("text", "x"));
        assertInvalid("invalid_payload", "multipart/form-data; boundary=" + BOUNDARY, "no parts at all");
        assertInvalid(
                "invalid_payload",
                "multipart/form-data; boundary=" + BOUNDARY,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nunterminated");
    }

    // --- fields, types and hostile JSON -----------------------------------------------------------

    @Test
    void allContractFieldsAreRead() {
        WebhookPayload p = parse(
                "application/json",
                "{\"text\":\"t\",\"attachments\":[{\"text\":\"a\"}],"
                        + "\"blocks\":[{\"type\":\"divider\"}],\"props\":{\"k\":1},\"type\":\"custom_x\","
                        + "\"root_id\":\"r\",\"priority\":{\"priority\":\"urgent\"},\"mrkdwn\":true,"
                        + "\"unfurl_links\":false,\"parse\":\"full\",\"link_names\":1,\"response_type\":\"in_channel\"}");
        assertEquals(1, p.attachments().size());
        assertEquals(1, p.blocks().size());
        assertEquals(1, p.props().getInt("k"));
        assertEquals("custom_x", p.type());
        assertEquals("r", p.rootId());
        assertEquals("urgent", p.priority().getString("priority"));
    }

    @Test
    void aSingleAttachmentObjectCountsAsAOneElementList() {
        WebhookPayload p = parse("application/json", "{\"attachments\":{\"text\":\"only\",\"color\":\"good\"}}");
        assertEquals(1, p.attachments().size());
        assertEquals("only", p.attachments().getJsonObject(0).getString("text"));
    }

    @Test
    void nullCollectionsMeanNone() {
        WebhookPayload p = parse(
                "application/json",
                "{\"text\":\"t\",\"attachments\":null,\"blocks\":null,\"props\":null,\"priority\":null}");
        assertNull(p.attachments());
        assertNull(p.blocks());
        assertNull(p.props());
        assertNull(p.priority());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"text\":\"x\",\"attachments\":[null]}",
                "{\"text\":\"x\",\"attachments\":[{\"text\":\"a\"},null]}",
                "{\"text\":\"x\",\"attachments\":\"x\"}",
                "{\"text\":\"x\",\"attachments\":[1]}",
                "{\"text\":\"x\",\"blocks\":[\"x\"]}",
                "{\"text\":\"x\",\"props\":[]}",
                "{\"text\":\"x\",\"priority\":\"urgent\"}",
                "{\"text\":\"x\",\"type\":5}",
                "{\"text\":\"x\",\"root_id\":{}}",
                "{\"text\":\"a\\u0000b\"}",
                "{\"text\":\"x\",\"props\":{\"k\\u0000\":1}}",
            })
    void wrongTypesNullElementsAndNulAreInvalidPayload(String json) {
        assertInvalid("invalid_payload", "application/json", json);
    }

    @Test
    void attachmentCountAtAndPastTheLimit() {
        String one = "{\"text\":\"a\"}";
        String atLimit = "{\"attachments\":[" + String.join(",", java.util.Collections.nCopies(100, one)) + "]}";
        assertEquals(100, parse("application/json", atLimit).attachments().size());
        String past = "{\"attachments\":[" + String.join(",", java.util.Collections.nCopies(101, one)) + "]}";
        HooklineException e = assertThrows(HooklineException.class, () -> parse("application/json", past));
        assertEquals(400, e.status());
        assertEquals("too_many_attachments", e.id());
    }

    @Test
    void nestingAtAndPastTheDepthLimit() {
        int max = HookBodyParser.MAX_JSON_DEPTH;
        // The payload object is level 1, props level 2; then (max - 2) nested arrays reach the limit.
        String atLimit = "{\"text\":\"x\",\"props\":{\"k\":" + "[".repeat(max - 2) + "]".repeat(max - 2) + "}}";
        assertEquals("x", parse("application/json", atLimit).text());
        String past = "{\"text\":\"x\",\"props\":{\"k\":" + "[".repeat(max - 1) + "]".repeat(max - 1) + "}}";
        assertInvalid("invalid_payload", "application/json", past);
    }

    @Test
    void absurdNestingIsACleanErrorNotAStackOverflow() {
        String deep = "{\"text\":\"x\",\"props\":{\"k\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}}";
        assertInvalid("invalid_payload", "application/json", deep);
    }

    // --- issue 18, point 7: JSON sent as a form (curl -d '{...}' URL) ---------------------------------------

    @Test
    void aFormWithoutPayloadFieldWhoseBodyIsAJsonObjectIsJson() {
        WebhookPayload p = parse(FORM, "{\"text\":\"hi & bye\",\"channel\":\"off-topic\"}");
        assertEquals("hi & bye", p.text());
        assertEquals("off-topic", p.channel());
        assertEquals("spaced", parse(FORM, "  \n{\"text\":\"spaced\"}").text());
        assertEquals("bom", parse(FORM, "\uFEFF{\"text\":\"bom\"}").text());
        // Mattermost's leniency for raw line breaks inside strings holds here too.
        assertEquals("a\nb", parse(FORM, "{\"text\":\"a\nb\"}").text());
    }

    @Test
    void aFormWithAPayloadFieldKeepsItsMeaning() {
        assertEquals("inner", parse(FORM, "payload={\"text\":\"inner\"}").text());
        // A payload field wins even when it hides inside what looks like JSON: the form reading comes first.
        assertInvalid("invalid_payload", FORM, "{\"text\":\"x&payload=y\"}");
    }

    @Test
    void aFormThatIsNotAJsonObjectKeepsTheNoPayloadFieldError() {
        for (String body : new String[] {"text=hi", "[{\"text\":\"x\"}]", "{\"text\":", "{broken}", "\"x\"", ""}) {
            HooklineException e = assertThrows(HooklineException.class, () -> parse(FORM, body), body);
            assertEquals("invalid_payload", e.id(), body);
            assertEquals("The form has no payload field.", e.getMessage(), body);
        }
    }

    // --- issue 18, point 4: thread_ts ----------------------------------------------------------------------

    @Test
    void threadTsAsStringOrNumberAndReplyBroadcastIgnored() {
        assertEquals(
                "1700000000.000100",
                parse("application/json", "{\"text\":\"x\",\"thread_ts\":\"1700000000.000100\"}")
                        .threadTs());
        assertEquals(
                "1700000000.000100",
                parse("application/json", "{\"text\":\"x\",\"thread_ts\":1700000000.000100}")
                        .threadTs());
        WebhookPayload p = parse("application/json", "{\"text\":\"x\",\"reply_broadcast\":true}");
        assertEquals(null, p.threadTs());
        assertEquals(
                null,
                parse("application/json", "{\"text\":\"x\",\"thread_ts\":\"\"}").threadTs());
        assertInvalid("invalid_payload", "application/json", "{\"text\":\"x\",\"thread_ts\":{}}");
    }
}
