package io.hookline.ejb.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.post.PostSplitter.Part;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;

class PostSplitterTest {

    private static final String WARNING = "\u26A0\uFE0F"; // ⚠️: U+26A0 then the emoji variation selector
    private static final String GRIN = "\uD83D\uDE00"; // 😀, a surrogate pair
    private static final String THUMBS_UP_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD"; // 👍🏽, emoji + skin tone
    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 👨‍👩‍👧, ZWJ sequence
    private static final String FLAG_DE = "\uD83C\uDDE9\uD83C\uDDEA"; // 🇩🇪, two regional indicators
    private static final String FLAG_FR = "\uD83C\uDDEB\uD83C\uDDF7";
    private static final String E_ACUTE = "e\u0301"; // é as e + combining acute accent

    // ---- the limit itself ----

    @Test
    void aMessageExactlyAtTheLimitIsOnePartUnchanged() {
        assertEquals(List.of("a".repeat(50)), PostSplitter.split("a".repeat(50), 50));
        // 10 code points in 20 chars: the limit counts code points like Mattermost counts runes.
        assertEquals(List.of(GRIN.repeat(10)), PostSplitter.split(GRIN.repeat(10), 10));
        String words = "  spaced out \n message with edges \n\n";
        assertEquals(List.of(words), PostSplitter.split(words, codePoints(words)));
    }

    @Test
    void oneCodePointPastTheLimitMakesTwoParts() {
        assertEquals(List.of("a".repeat(50), "a"), PostSplitter.split("a".repeat(51), 50));
        assertEquals(List.of(GRIN.repeat(10), GRIN), PostSplitter.split(GRIN.repeat(11), 10));
        String sentence = "the quick brown fox jumps over the lazy dog";
        List<String> parts = PostSplitter.split(sentence, sentence.length() - 1);
        assertEquals(List.of("the quick brown fox jumps over the lazy", "dog"), parts);
    }

    @Test
    void theEmptyMessageIsOneEmptyPart() {
        assertEquals(List.of(""), PostSplitter.split("", 1));
        assertEquals(List.of(""), PostSplitter.split("", 4000));
    }

    @Test
    void aTooLongMessageOfOnlyWhitespaceIsOneEmptyPart() {
        assertEquals(List.of(""), PostSplitter.split(" \n\t\n   \n", 3));
    }

    @Test
    void limitsBelowOneAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PostSplitter.split("text", 0));
        assertThrows(IllegalArgumentException.class, () -> PostSplitter.split("text", -5));
        assertThrows(NullPointerException.class, () -> PostSplitter.split(null, 10));
    }

    // ---- where to cut ----

    @Test
    void aLineBreakInTheWindowIsPreferredToALaterSpace() {
        String message = "first line with some words here.\nsecond line with more words that go past";
        List<String> parts = checkedTexts(message, 40);
        assertEquals("first line with some words here.", parts.get(0));
        assertEquals("second line with more words that go past", parts.get(1));
    }

    @Test
    void aSpaceInTheWindowIsPreferredToAnEarlyLineBreakAndToAHardCut() {
        // The only line break is at 4 of 40, outside the window (the second half); spaces are in it.
        String message = "tiny\nalpha beta gamma delta epsilon zeta eta theta";
        List<String> parts = checkedTexts(message, 40);
        assertEquals(List.of("tiny\nalpha beta gamma delta epsilon zeta", "eta theta"), parts);
    }

    @Test
    void withoutLineBreakOrSpaceInTheWindowTheCutIsHard() {
        String message = "ab cd\n" + "x".repeat(100);
        List<String> parts = checkedTexts(message, 30);
        assertEquals(List.of("ab cd\n" + "x".repeat(24), "x".repeat(30), "x".repeat(30), "x".repeat(16)), parts);
    }

    @Test
    void blankLinesAndSpacesAtTheCutsAreDropped() {
        String message = "one two three\n\n\n   \nfour five six seven";
        List<String> parts = checkedTexts(message, 16);
        assertEquals(List.of("one two three", "four five six", "seven"), parts);
    }

    @Test
    void noCutMakesAFenceMarkerStartALine() {
        // Cutting at the space before "~~~" would open a code block at the start of the second part.
        String message = "alpha beta gamma ~~~ delta epsilon";
        List<String> parts = checkedTexts(message, 19);
        assertEquals(List.of("alpha beta", "gamma ~~~ delta", "epsilon"), parts);
        for (String part : checkedTexts("x".repeat(19) + "```sh and more", 20)) {
            assertFalse(endsInsideFence(part), part);
        }
    }

    @Test
    void indentationAfterALineBreakCutIsKept() {
        String message = "- item one is here\n  - nested item two\n  - nested item three";
        List<String> parts = checkedTexts(message, 40);
        assertEquals(List.of("- item one is here\n  - nested item two", "  - nested item three"), parts);
    }

    // ---- code points and clusters ----

    @Test
    void surrogatePairsAreNeverSplit() {
        for (int max = 1; max <= 9; max++) {
            List<String> parts = checkedTexts(GRIN.repeat(25), max);
            assertEquals(GRIN.repeat(25), String.join("", parts));
            for (String part : parts) {
                assertEquals(Math.min(max, codePoints(part)), codePoints(part));
            }
        }
        List<String> mixed = checkedTexts("a" + GRIN + "b" + GRIN + "c" + GRIN + "d" + GRIN, 2);
        assertEquals(List.of("a" + GRIN, "b" + GRIN, "c" + GRIN, "d" + GRIN), mixed);
    }

    @Test
    void anEmojiStaysWithItsVariationSelector() {
        // ⚠️ is two code points; a hard cut at an odd count steps back to keep each pair whole.
        List<String> parts = checkedTexts(WARNING.repeat(30), 5);
        for (String part : parts) {
            assertEquals(WARNING.repeat(2), part);
        }
        List<String> text = checkedTexts("x" + WARNING.repeat(10), 4);
        assertEquals("x" + WARNING, text.get(0));
        for (String part : text) {
            assertFalse(part.startsWith("\uFE0F"), part);
        }
    }

    @Test
    void skinTonesJoinersFlagsAndCombiningMarksStayTogether() {
        assertClustersIntact(THUMBS_UP_MEDIUM.repeat(12), 5, THUMBS_UP_MEDIUM);
        assertClustersIntact(FAMILY.repeat(6), 7, FAMILY);
        assertClustersIntact((FLAG_DE + FLAG_FR).repeat(6), 5, FLAG_DE, FLAG_FR);
        assertClustersIntact(E_ACUTE.repeat(20), 7, E_ACUTE);
    }

    @Test
    void aClusterLongerThanTheLimitIsSplitAtCodePoints() {
        assertEquals(List.of("\u26A0", "\uFE0F"), checkedTexts(WARNING, 1));
        assertEquals(String.join("", checkedTexts(FAMILY, 2)), FAMILY);
    }

    // ---- fenced code blocks ----

    @Test
    void anOversizedCodeBlockIsClosedAndReopenedWithItsLanguage() {
        StringBuilder message = new StringBuilder("Build output:\n```java\n");
        List<String> codeLines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String line = "    int value" + i + " = " + i + "; // line " + i;
            codeLines.add(line);
            message.append(line).append('\n');
        }
        message.append("```\nDone.");

        List<Part> parts = checkedParts(message.toString(), 300);
        assertTrue(parts.size() > 3, "expected several parts, got " + parts.size());
        // The intro alone would be a short post: the block is too long for one post anyway, so it starts here.
        assertTrue(
                parts.get(0).body().startsWith("Build output:\n```java\n"),
                parts.get(0).body());
        assertEquals("", parts.get(0).repeated());
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            assertFalse(endsInsideFence(part.text()), "part " + i + " leaves its code block open");
            assertTrue(part.closing().equals("\n```") || part.closing().isEmpty(), "part " + i);
            if (i > 0) {
                // Reopened exactly when the previous part closed the block.
                boolean previousClosed = !parts.get(i - 1).closing().isEmpty();
                assertEquals(previousClosed ? "```java\n" : "", part.repeated(), "part " + i);
            }
        }
        assertTrue(parts.get(parts.size() - 1).body().endsWith("Done."));
        assertEquals(codeLines, linesOfCode(parts));
    }

    @Test
    void aTildeFenceWithAnInfoStringIsReopenedTheSameWay() {
        // Reopening and closing add 32 code points: repeated from a limit of 320 on (a tenth).
        String message = "~~~~ python title=\"job.py\"\n" + "print('hello world')\n".repeat(60) + "~~~~\n";
        List<Part> parts = checkedParts(message, 320);
        assertTrue(parts.size() > 3, "expected several parts, got " + parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            assertEquals(i == 0 ? "" : "~~~~ python title=\"job.py\"\n", part.repeated());
            assertEquals(i == parts.size() - 1 ? "" : "\n~~~~", part.closing());
            assertFalse(endsInsideFence(part.text()), part.text());
            assertTrue(codePoints(part.text()) <= 320);
        }
    }

    @Test
    void aCodeBlockThatFitsInOnePostIsMovedWholeToTheNextPart() {
        String fence = "```sh\n" + "echo step\n".repeat(10) + "```";
        String message = "word ".repeat(30) + "\n" + fence + "\nafter the block";
        List<Part> parts = checkedParts(message, 200);
        assertEquals(2, parts.size());
        assertEquals("word ".repeat(30).strip(), parts.get(0).body());
        assertEquals(fence + "\nafter the block", parts.get(1).body());
        for (Part part : parts) {
            assertEquals("", part.repeated());
            assertEquals("", part.closing());
        }
    }

    @Test
    void aCodeBlockIsNotCutRightAfterItsOpeningLineNorBeforeABlankTail() {
        String message = "```\n" + "x".repeat(40) + "\n\n\n```";
        for (int max = 12; max <= 50; max++) {
            for (Part part : checkedParts(message, max)) {
                assertFalse(part.text().matches("(?s)\\s*```\\s*```\\s*"), "empty code block at " + max);
            }
        }
    }

    @Test
    void anUnclosedFenceIsClosedInEveryPartButTheLast() {
        String message = "```\n" + "line of log output\n".repeat(20);
        List<Part> parts = checkedParts(message, 100);
        assertEquals("", parts.get(parts.size() - 1).closing());
        for (int i = 0; i < parts.size() - 1; i++) {
            assertEquals("\n```", parts.get(i).closing());
        }
    }

    @Test
    void aFenceIndentedInAListItemIsTheRenderersBlockClosedAndReopenedInsideTheItem() {
        // The hand parser of old saw no fence here (its lines are indented under "- "); the renderer does.
        StringBuilder message = new StringBuilder("Release steps:\n\n- Build every module:\n\n  ```sh\n");
        List<String> codeLines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String line = "make module-" + i + " --jobs 4";
            codeLines.add(line);
            message.append("  ").append(line).append('\n');
        }
        message.append("  ```\n- Deploy the build.\n");

        List<Part> parts = checkedParts(message.toString(), 200);
        assertTrue(parts.size() > 3, "expected several parts, got " + parts.size());
        List<String> renderedCode = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            // Closed and reopened at the item's indentation: the closing line closes this fence, the reopened
            // fence strips the same two spaces from the code lines the item did.
            assertTrue(part.closing().equals("\n  ```") || part.closing().isEmpty(), "part " + i);
            if (i > 0) {
                boolean previousClosed = !parts.get(i - 1).closing().isEmpty();
                assertEquals(previousClosed ? "  ```sh\n" : "", part.repeated(), "part " + i);
            }
            renderedCode.addAll(fencedCode(part.text(), "sh"));
        }
        assertEquals(fencedCode(message.toString(), "sh"), renderedCode);
        assertEquals(codeLines, renderedCode);
        String last = parts.get(parts.size() - 1).text();
        assertTrue(last.endsWith("  ```\n- Deploy the build."), last);
    }

    /** The lines of every fenced code block with that info string, as the renderer's parser reads them. */
    private static List<String> fencedCode(String markdown, String info) {
        List<String> lines = new ArrayList<>();
        Node document = PostMarkdown.parserBuilder().build().parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock fence) {
                assertEquals(info, fence.getInfo());
                fence.getLiteral().lines().forEach(lines::add);
            }
        });
        return lines;
    }

    // ---- tables ----

    private static final String HEADER = "| Service name | Status | Owner |";
    private static final String DELIMITER = "|:-------------|:------:|------:|";

    private static String table(int rows) {
        StringBuilder table =
                new StringBuilder(HEADER).append('\n').append(DELIMITER).append('\n');
        for (int i = 0; i < rows; i++) {
            table.append("| service-")
                    .append(i)
                    .append(" | up | team ")
                    .append(i % 7)
                    .append(" |\n");
        }
        return table.toString();
    }

    @Test
    void aTableHeaderIsNeverSeparatedFromItsDelimiterRow() {
        String message = "Status report for today\n" + table(40) + "End of report.";
        for (int max = 70; max <= 400; max += 7) {
            for (Part part : checkedParts(message, max)) {
                List<String> lines = part.text().lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).equals(HEADER)) {
                        assertTrue(
                                i + 1 < lines.size() && lines.get(i + 1).equals(DELIMITER),
                                "header without delimiter at limit " + max + ":\n" + part.text());
                    }
                }
            }
        }
    }

    @Test
    void aSplitTableRepeatsItsHeaderAndDelimiterInEveryContinuation() {
        // Header and delimiter rows are 68 code points with their line breaks: repeated from a limit of 680 on.
        String message = table(150).strip();
        List<Part> parts = checkedParts(message, 680);
        assertTrue(parts.size() > 3);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            assertEquals(i == 0 ? "" : HEADER + "\n" + DELIMITER + "\n", part.repeated());
            List<String> lines = part.text().lines().toList();
            assertEquals(HEADER, lines.get(0));
            assertEquals(DELIMITER, lines.get(1));
            rows.addAll(lines.subList(2, lines.size()));
        }
        assertEquals(message.lines().skip(2).toList(), rows);
    }

    @Test
    void theCutGoesBeforeATableRatherThanRightAfterItsDelimiterRow() {
        // The window holds the line break before the table and the one after its delimiter row; the first
        // row is too long to follow. Cutting before the table beats leaving a header-only table behind.
        String intro = "Intro paragraph that is long enough here.";
        String message = intro + "\n| a | b |\n|---|---|\n| " + "v".repeat(50) + " | w |\n| x | y |";
        List<String> parts = checkedTexts(message, 80);
        assertEquals(intro, parts.get(0));
        assertTrue(parts.get(1).startsWith("| a | b |\n|---|---|\n| vvv"), parts.get(1));
    }

    @Test
    void aTableThatFitsInOnePostIsMovedWhole() {
        String tableText = table(3).strip();
        String message = "lorem ipsum ".repeat(15) + "\n" + tableText;
        List<String> parts = checkedTexts(message, 200);
        assertEquals(2, parts.size());
        assertEquals(tableText, parts.get(1));
    }

    @Test
    void aHeaderTooLongToRepeatFallsBackToPlainLineCuts() {
        String message = table(10).strip();
        // Header and delimiter are 68 code points with their line breaks: no room to repeat them in 60.
        List<Part> parts = checkedParts(message, 60);
        for (Part part : parts) {
            assertEquals("", part.repeated());
        }
    }

    // ---- repeats are at most a tenth of the limit (issue 15) ----

    @Test
    void aHeaderOfATenthOfTheLimitIsRepeatedAndOneCodePointLessOfLimitIsNot() {
        String message = table(150).strip();
        // Header and delimiter rows with their line breaks: 68 code points, a tenth of 680.
        assertEquals(68, codePoints(HEADER + "\n" + DELIMITER + "\n"));
        List<Part> atTheBound = checkedParts(message, 680);
        for (int i = 1; i < atTheBound.size(); i++) {
            assertEquals(HEADER + "\n" + DELIMITER + "\n", atTheBound.get(i).repeated(), "part " + i);
        }
        List<Part> pastTheBound = checkedParts(message, 679);
        assertTrue(pastTheBound.size() > 3);
        for (Part part : pastTheBound) {
            assertEquals("", part.repeated());
            assertEquals("", part.closing());
        }
        // Still a table: its header is not cut off from its delimiter row.
        assertTrue(pastTheBound.get(0).text().startsWith(HEADER + "\n" + DELIMITER + "\n"));
    }

    @Test
    void aTableWithAHeaderPastATenthStillMovesWholeWhenItFits() {
        String tableText = table(3).strip();
        String message = "lorem ipsum ".repeat(25) + "\n" + tableText;
        // 68 code points of header: more than a tenth of 400, so it would not be repeated, but it need not be.
        List<String> parts = checkedTexts(message, 400);
        assertEquals(2, parts.size());
        assertEquals(tableText, parts.get(1));
    }

    @Test
    void aFenceIsReopenedWhileItsRepairIsATenthOfTheLimitAndNotPastIt() {
        // "```java" + line break to reopen, line break + "```" to close: 12 code points, a tenth of 120.
        String message = "```java\n" + "int x = 1; // a line of code\n".repeat(40) + "```";
        List<Part> atTheBound = checkedParts(message, 120);
        for (int i = 0; i < atTheBound.size(); i++) {
            Part part = atTheBound.get(i);
            assertEquals(i == 0 ? "" : "```java\n", part.repeated(), "part " + i);
            assertEquals(i == atTheBound.size() - 1 ? "" : "\n```", part.closing(), "part " + i);
        }
        for (Part part : checkedParts(message, 119)) {
            assertEquals("", part.repeated());
            assertEquals("", part.closing());
        }
    }

    // ---- the budget: MaxPostsPerRequest parts, twice the message's code points ----

    /** Issue 15's reproduction: a 3,990-character header row, its delimiter row, then one-character rows. */
    private static String amplifyingTable(int rows) {
        return "|" + "h".repeat(3988) + "|\n|-|\n" + "x|\n".repeat(rows);
    }

    @Test
    void theIssueReproductionIsRefusedWhateverThePostCap() {
        String message = amplifyingTable(300);
        assertEquals(3990 + 1 + 4 + 300 * 3, message.length()); // 4.9 KB
        // Once 150 posts and 600,000 characters; the repeat rule alone makes it two posts (one of stray rows).
        assertEquals(2, PostSplitter.split(message, 4000).size());
        assertMessageTooLong(() -> PostSplitter.split(message, 4000, 100));
        // Past the post cap or not, the repeating split would be far more than twice the message.
        assertMessageTooLong(() -> PostSplitter.split(message, 4000, 10_000));
        // The same shape at 290 KB (the body limit is 300,000 bytes).
        String large = amplifyingTable((290_000 - 3994) / 3);
        assertMessageTooLong(() -> PostSplitter.split(large, 4000, 100));
        assertMessageTooLong(() -> PostSplitter.split(large, 4000, 10_000));
    }

    @Test
    void aLegitimate300000CharacterMessageStaysWithin100Posts() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; log.length() < 300_000; i++) {
            log.append("2026-12-02T16:00:")
                    .append(i % 60)
                    .append("Z step ")
                    .append(i)
                    .append(" finished in ")
                    .append(i % 997)
                    .append(" ms on runner-")
                    .append(i % 13)
                    .append('\n');
        }
        String message = log.substring(0, 300_000);
        List<String> parts = PostSplitter.split(message, 4000, 100);
        assertTrue(parts.size() <= 100, parts.size() + " parts");
        assertEquals(PostSplitter.split(message, 4000), parts);
        // A wide table (header past a tenth of the limit) over ordinary rows is not refused either.
        String wide = "| " + "column | ".repeat(50) + "\n|" + "---|".repeat(50) + "\n"
                + ("| " + "value | ".repeat(50) + "\n").repeat(400);
        List<String> wideParts = PostSplitter.split(wide, 4000, 100);
        assertTrue(wideParts.size() > 1 && wideParts.size() <= 100, wideParts.size() + " parts");
    }

    @Test
    void thePartsAreRefusedPastMaxParts() {
        String message = "a".repeat(250); // five hard-cut parts of 50
        assertEquals(5, PostSplitter.split(message, 50, 5).size());
        assertMessageTooLong(() -> PostSplitter.split(message, 50, 4));
        assertEquals(List.of(message), PostSplitter.split(message, 250, 1));
        assertMessageTooLong(() -> PostSplitter.split(message, 249, 1));
        assertThrows(IllegalArgumentException.class, () -> PostSplitter.split(message, 50, 0));
    }

    @Test
    void theCodePointsOfAllPartsAreBoundedAtAndPastTheBudget() {
        String message = table(150).strip();
        List<Part> parts = PostSplitter.splitIntoParts(message, 680);
        long total = parts.stream().mapToLong(part -> codePoints(part.text())).sum();
        assertTrue(total > codePoints(message), "the repeated headers add to the message");
        assertEquals(parts, PostSplitter.splitIntoParts(message, 680, new PostSplitter.Budget(1000, total)));
        assertMessageTooLong(() -> PostSplitter.splitIntoParts(message, 680, new PostSplitter.Budget(1000, total - 1)));
        // Through the public method the budget is twice the message, far above what the tenth rule allows here.
        assertTrue(total <= PostSplitter.MAX_GROWTH * (long) codePoints(message));
        assertEquals(
                parts.size(), PostSplitter.split(message, 680, parts.size()).size());
    }

    private static void assertMessageTooLong(Runnable split) {
        HooklineException refused = assertThrows(HooklineException.class, split::run);
        assertEquals(400, refused.status());
        assertEquals("message_too_long", refused.id());
    }

    // ---- tiny limits ----

    @Test
    void tinyLimitsStillSplitCorrectly() {
        List<String> messages = List.of(
                "hello world, this is a sentence",
                "```java\nint a = 1;\nint b = 2;\n```\ntext after",
                table(3) + "tail",
                WARNING + " warning " + GRIN + FAMILY + " " + FLAG_DE + FLAG_FR + " " + E_ACUTE,
                "\u65E5\u672C\u8A9E\u306E\u6587\u7AE0\u3067\u3059\u3002\u3053\u308C\u306F\u30C6\u30B9\u30C8\u3002",
                "    indented code\n\n\n        deeper\n\ttabbed\n",
                "\n\n  leading blank lines and trailing ones  \n\n",
                "~~~\n\n\n~~~\n|a|\n|-|\n|b|");
        for (String message : messages) {
            for (int max = 1; max <= 20; max++) {
                checkedParts(message, max);
            }
        }
        assertEquals(List.of("h", "e", "l", "l", "o", "w", "o", "r", "l", "d"), PostSplitter.split("hello world", 1));
    }

    // ---- properties over random messages ----

    @Test
    void randomMessagesSplitIntoPartsWithinTheLimitThatReassembleToTheOriginal() {
        Random random = new Random(20240611L);
        for (int round = 0; round < 600; round++) {
            String message = randomMarkdown(random, 1 + random.nextInt(25));
            int max = round % 3 == 0 ? 1 + random.nextInt(20) : 20 + random.nextInt(1200);
            List<Part> parts = checkedParts(message, max);
            // The generator's longest table header and fence lines take 35 code points: repeated from 350 on.
            if (max >= 350 && codePoints(message) > max) {
                // An indented opening line makes the generator's closing line open a fence that never closes.
                boolean messageEndsInsideFence = endsInsideFence(message);
                for (int i = 0; i < parts.size(); i++) {
                    Part part = parts.get(i);
                    boolean last = i == parts.size() - 1;
                    assertEquals(
                            last && messageEndsInsideFence,
                            endsInsideFence(part.text()),
                            "code block left open with limit " + max + ":\n" + part.text());
                    assertTableHeadersKeepTheirDelimiters(part.text());
                }
            }
        }
    }

    @Test
    void aMillionCharacterMessageSplitsQuickly() {
        Random random = new Random(7L);
        StringBuilder builder = new StringBuilder(1_100_000);
        builder.append("```\n")
                .append("log line without much in it\n".repeat(8_000))
                .append("```\n");
        builder.append(table(4_000));
        builder.append("x".repeat(150_000)).append('\n');
        builder.append(("word ".repeat(30_000))).append('\n');
        while (builder.length() < 1_000_000) {
            builder.append(randomMarkdown(random, 20));
        }
        String message = builder.toString();
        List<String> single = List.of("\n".repeat(1_000_000), "y".repeat(1_000_000), GRIN.repeat(500_000));

        AtomicReference<List<Part>> parts = new AtomicReference<>();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            parts.set(PostSplitter.splitIntoParts(message, 4000));
            for (String extreme : single) {
                PostSplitter.splitIntoParts(extreme, 4000);
            }
        });
        assertValid(message, 4000, parts.get());
    }

    // ---- helpers ----

    private static List<String> checkedTexts(String message, int max) {
        return checkedParts(message, max).stream().map(Part::text).toList();
    }

    private static List<Part> checkedParts(String message, int max) {
        List<Part> parts = PostSplitter.splitIntoParts(message, max);
        assertEquals(parts.stream().map(Part::text).toList(), PostSplitter.split(message, max));
        assertValid(message, max, parts);
        return parts;
    }

    /** The rules every split must satisfy, whatever the message. */
    private static void assertValid(String message, int max, List<Part> parts) {
        String context = "limit " + max + ", message:\n" + message;
        if (codePoints(message) <= max) {
            assertEquals(List.of(new Part("", message, "")), parts, context);
            return;
        }
        if (message.isBlank()) {
            assertEquals(List.of(new Part("", "", "")), parts, context);
            return;
        }
        for (Part part : parts) {
            String text = part.text();
            assertTrue(codePoints(text) <= max, "too long (" + codePoints(text) + "): " + text + "\n" + context);
            assertFalse(part.body().isBlank(), "blank part\n" + context);
            assertTrue(part.repeated().isEmpty() || part.repeated().endsWith("\n"), context);
            assertTrue(part.closing().isEmpty() || part.closing().startsWith("\n"), context);
            assertNoLoneSurrogate(text, context);
        }
        assertReassembles(message, parts, context);
    }

    /** Bodies in order are the message, up to whitespace between them (the cut points) and at its ends. */
    private static void assertReassembles(String message, List<Part> parts, String context) {
        int position = 0;
        for (Part part : parts) {
            while (position < message.length() && Character.isWhitespace(message.charAt(position))) {
                position++;
            }
            String body = part.body().strip();
            if (!message.startsWith(body, position)) {
                fail("part does not continue the message at " + position + ": " + body + "\n" + context);
            }
            position += body.length();
        }
        assertTrue(message.substring(position).isBlank(), "text lost at the end\n" + context);
    }

    private static void assertNoLoneSurrogate(String text, String context) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch)) {
                assertTrue(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)), context);
                i++;
            } else {
                assertFalse(Character.isLowSurrogate(ch), context);
            }
        }
    }

    /** Every part keeps each cluster whole: it is made of whole copies of the given clusters. */
    private static void assertClustersIntact(String message, int max, String... clusters) {
        for (String part : checkedTexts(message, max)) {
            String rest = part;
            while (!rest.isEmpty()) {
                String matched = null;
                for (String cluster : clusters) {
                    if (rest.startsWith(cluster)) {
                        matched = cluster;
                    }
                }
                assertTrue(matched != null, "cluster torn apart in part: " + part);
                rest = rest.substring(matched.length());
            }
        }
    }

    private static void assertTableHeadersKeepTheirDelimiters(String text) {
        List<String> lines = text.lines().toList();
        boolean[] insideFence = linesInsideFence(text);
        for (int i = 0; i < lines.size(); i++) {
            if (!insideFence[i] && lines.get(i).startsWith("| Head")) {
                assertTrue(
                        i + 1 < lines.size() && lines.get(i + 1).matches("\\|[-:|]+\\|"),
                        "table header cut off from its delimiter row:\n" + text);
            }
        }
    }

    /** Lines between the fences of every part, in order, as the code of the original block. */
    private static List<String> linesOfCode(List<Part> parts) {
        List<String> code = new ArrayList<>();
        for (Part part : parts) {
            boolean inside = false;
            for (String line : part.text().lines().toList()) {
                if (line.startsWith("```")) {
                    inside = !inside;
                } else if (inside) {
                    code.add(line);
                }
            }
        }
        return code;
    }

    /** Whether the text ends with a code block left open. */
    private static boolean endsInsideFence(String text) {
        boolean[] inside = linesInsideFence(text + "\n");
        return inside[inside.length - 1];
    }

    /**
     * A small CommonMark fence reader: for each line, whether a code block is open where the line starts
     * (an opening fence line is not inside, its content and closing line are).
     */
    private static boolean[] linesInsideFence(String text) {
        String[] lines = text.split("\n", -1);
        boolean[] inside = new boolean[lines.length];
        char markerChar = 0;
        int markerLength = 0;
        for (int lineIndex = 0; lineIndex < lines.length; lineIndex++) {
            inside[lineIndex] = markerChar != 0;
            String trimmed = lines[lineIndex].stripTrailing();
            int indent = 0;
            while (indent < trimmed.length() && trimmed.charAt(indent) == ' ') {
                indent++;
            }
            if (indent > 3) {
                continue;
            }
            String rest = trimmed.substring(indent);
            if (markerChar == 0) {
                if (rest.startsWith("```") || rest.startsWith("~~~")) {
                    int length = runLength(rest, rest.charAt(0));
                    if (rest.charAt(0) == '~' || rest.indexOf('`', length) < 0) {
                        markerChar = rest.charAt(0);
                        markerLength = length;
                    }
                }
            } else if (runLength(rest, markerChar) >= markerLength && runLength(rest, markerChar) == rest.length()) {
                markerChar = 0;
            }
        }
        return inside;
    }

    private static int runLength(String s, char ch) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ch) {
            i++;
        }
        return i;
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    private static final String[] WORDS = {
        "deploy",
        "failed",
        "on",
        "node",
        "the",
        "build",
        "a",
        "service",
        "restarted",
        "after",
        "timeout",
        "ok",
        "error:",
        "see",
        "https://example.com/runs/12345",
        "`inline`",
        "**bold**",
        "_it_",
        WARNING,
        GRIN,
        THUMBS_UP_MEDIUM,
        FAMILY,
        FLAG_DE + FLAG_FR,
        E_ACUTE,
        "\u65E5\u672C\u8A9E",
        "\u4E2D\u6587\u6D4B\u8BD5",
        "caf\u00E9",
        "na\u00EFve"
    };
    private static final String KANJI_AND_KANA = "\u6F22\u5B57\u304B\u306A\u4EEE\u540D"; // 漢字かな仮名
    private static final String[] FENCE_OPENINGS = {"```", "```java", "```json", "````sh", "~~~", "~~~~ python"};

    /** A random mix of the markdown webhooks send: paragraphs, code blocks, tables, emoji, CJK, blank lines. */
    private static String randomMarkdown(Random random, int pieces) {
        StringBuilder out = new StringBuilder();
        for (int piece = 0; piece < pieces; piece++) {
            switch (random.nextInt(9)) {
                case 0, 1, 2 -> {
                    int words = 1 + random.nextInt(60);
                    for (int i = 0; i < words; i++) {
                        out.append(WORDS[random.nextInt(WORDS.length)]);
                        out.append(random.nextInt(12) == 0 ? "\n" : " ");
                    }
                    out.append('\n');
                }
                case 3 -> {
                    String opening = FENCE_OPENINGS[random.nextInt(FENCE_OPENINGS.length)];
                    out.append(opening).append('\n');
                    int lines = random.nextInt(40);
                    for (int i = 0; i < lines; i++) {
                        out.append(" ".repeat(random.nextInt(3) * 2));
                        if (random.nextInt(8) != 0) {
                            out.append("call(")
                                    .append(i)
                                    .append(", \"")
                                    .append(WORDS[random.nextInt(WORDS.length)])
                                    .append("\") | grep x");
                        }
                        out.append('\n');
                    }
                    out.append(opening, 0, runLength(opening, opening.charAt(0)))
                            .append('\n');
                }
                case 4 -> {
                    int columns = 1 + random.nextInt(3);
                    out.append("| Head").append(piece);
                    for (int c = 1; c < columns; c++) {
                        out.append(" | C").append(c);
                    }
                    out.append(" |\n|");
                    for (int c = 0; c < columns; c++) {
                        out.append(random.nextBoolean() ? "---|" : ":-:|");
                    }
                    out.append('\n');
                    int rows = random.nextInt(30);
                    for (int r = 0; r < rows; r++) {
                        out.append('|');
                        for (int c = 0; c < columns; c++) {
                            out.append(' ')
                                    .append(WORDS[random.nextInt(WORDS.length)])
                                    .append(" |");
                        }
                        out.append('\n');
                    }
                    out.append('\n');
                }
                case 5 ->
                    out.append((random.nextBoolean() ? WARNING : GRIN).repeat(1 + random.nextInt(30)))
                            .append('\n');
                case 6 ->
                    out.append(KANJI_AND_KANA.repeat(1 + random.nextInt(40))).append('\n');
                case 7 -> out.append("z".repeat(1 + random.nextInt(700))).append(random.nextBoolean() ? "\n" : " ");
                default -> out.append("\n".repeat(1 + random.nextInt(3))).append("  ".repeat(random.nextInt(3)));
            }
        }
        return out.toString();
    }
}
