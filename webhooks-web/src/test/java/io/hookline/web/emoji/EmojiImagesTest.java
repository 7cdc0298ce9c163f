package io.hookline.web.emoji;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.fellbaum.jemoji.Emoji;
import net.fellbaum.jemoji.EmojiManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which emoji of a text become which bundled image, and that the bundle is what {@code files.txt} says. */
class EmojiImagesTest {

    /** Maven runs the tests with the module as the working directory. */
    private static final Path BUNDLE = Path.of("src/main/emoji", EmojiImages.RESOURCE_DIR);

    /** Twemoji 16.0.1 has an image for every emoji JEmoji 1.7.5 knows up to Emoji 16.0: 3,790 files. */
    private static final int MIN_IMAGES = 3_790;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "✅, 2705.svg", // a single code point with emoji presentation
        "⚠️, 26a0.svg", // text-default character + U+FE0F: Twemoji drops the FE0F outside ZWJ sequences
        "👍🏽, 1f44d-1f3fd.svg", // skin tone
        "👨‍👩‍👧‍👦, 1f468-200d-1f469-200d-1f467-200d-1f466.svg", // ZWJ family
        "🇺🇸, 1f1fa-1f1f8.svg", // flag: two regional indicators
        "#️⃣, 23-20e3.svg", // keycap
        "9️⃣, 39-20e3.svg",
        "❤️‍🔥, 2764-fe0f-200d-1f525.svg", // ZWJ sequence whose file keeps the FE0F
        "👁️‍🗨️, 1f441-200d-1f5e8.svg", // ZWJ sequence whose file drops them
        "🏳️‍🌈, 1f3f3-fe0f-200d-1f308.svg",
        "🏴󠁧󠁢󠁳󠁣󠁴󠁿, 1f3f4-e0067-e0062-e0073-e0063-e0074-e007f.svg", // subdivision flag (tag sequence)
        "©️, a9.svg",
        "🧑🏿‍🦰, 1f9d1-1f3ff-200d-1f9b0.svg" // skin tone and hair in one ZWJ sequence
    })
    void eachEmojiFindsItsFile(String emoji, String file) {
        List<EmojiImages.Found> found = EmojiImages.find("a " + emoji + " b");
        assertEquals(1, found.size(), () -> emoji + ": " + found);
        EmojiImages.Found one = found.get(0);
        assertAll(
                () -> assertEquals(file, one.fileName()),
                () -> assertEquals(emoji, one.emoji(), "the alt text is the emoji as written"),
                () -> assertEquals(2, one.start()),
                () -> assertEquals(2 + emoji.length(), one.end()),
                () -> assertEquals(EmojiImages.URL_PREFIX + file, one.url()),
                () -> assertTrue(Files.isRegularFile(BUNDLE.resolve(file)), file + " is bundled"));
    }

    @Test
    void withOrWithoutTheVariationSelectorTheFileIsTheSame() {
        assertEquals(Optional.of("2764-fe0f-200d-1f525.svg"), EmojiImages.fileFor("\u2764\u200D\uD83D\uDD25"));
        assertEquals(Optional.of("2764-fe0f-200d-1f525.svg"), EmojiImages.fileFor("\u2764\uFE0F\u200D\uD83D\uDD25"));
        assertEquals(Optional.of("26a0.svg"), EmojiImages.fileFor("\u26A0"));
        assertEquals(Optional.of("26a0.svg"), EmojiImages.fileFor("\u26A0\uFE0F"));
    }

    @Test
    void severalEmojiInOneTextAreFoundInOrderWithTheirPlaces() {
        String text = "✅ 0 and ⚠️ 2, 👍🏽👍";
        List<EmojiImages.Found> found = EmojiImages.find(text);
        assertEquals(
                List.of("2705.svg", "26a0.svg", "1f44d-1f3fd.svg", "1f44d.svg"),
                found.stream().map(EmojiImages.Found::fileName).toList());
        StringBuilder rebuilt = new StringBuilder();
        int copied = 0;
        for (EmojiImages.Found f : found) {
            rebuilt.append(text, copied, f.start()).append(f.emoji());
            copied = f.end();
        }
        assertEquals(text, rebuilt.append(text.substring(copied)).toString(), "the places cut the text exactly");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "no emoji here, just text: 12:30 #1 *x* 100% a:b:c",
                "digits and symbols alone are not emoji: 0 1 9 # *",
                "text-presentation characters written bare stay text: © ® ™ ↔ ✔ ❤ ⚠ ☺",
                "a keycap without U+FE0F is not an emoji keycap: #⃣ 1⃣",
                "U+FE0E asks for text: ⌚︎ ⚠︎ ❤︎",
                "Emoji 17.0 (U+1FAEF), which Twemoji 16 has no image for, stays text: 🫯",
                "accents and other scripts: é ü ß Ω 中文 עברית"
            })
    void textWithoutAnEmojiThatHasAnImageGivesNothing(String text) {
        assertEquals(List.of(), EmojiImages.find(text));
    }

    @Test
    void anEmojiTheSetHasNoImageForIsKnownToJemojiButNotBundled() {
        // So the "stays text" case above is about the set, not about JEmoji not knowing the emoji.
        assertTrue(EmojiManager.isEmoji("🫯"), "JEmoji knows Emoji 17.0 U+1FAEF");
        assertEquals(Optional.empty(), EmojiImages.fileFor("🫯"));
    }

    @Test
    void theBundleIsExactlyTheIndexAndEveryFileIsAnSvg() throws IOException {
        Set<String> indexed = new TreeSet<>(Files.readAllLines(BUNDLE.resolve("files.txt"), StandardCharsets.UTF_8));
        indexed.remove("");
        Set<String> svgs;
        try (Stream<Path> files = Files.list(BUNDLE)) {
            svgs = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".svg"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(indexed, svgs, "files.txt lists exactly the bundled SVGs");
        assertTrue(svgs.size() >= MIN_IMAGES, "images: " + svgs.size());
        assertEquals(svgs.size(), EmojiImages.count(), "no two files are the same emoji");
        List<String> problems = new ArrayList<>();
        for (String name : svgs) {
            String svg = Files.readString(BUNDLE.resolve(name), StandardCharsets.UTF_8);
            if (!svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")) {
                problems.add(name + " is not an SVG");
            }
            // Nothing an image could load or run if opened as a document (the servlet's CSP forbids it too).
            if (svg.matches("(?is).*(<script|<foreignobject|\\son\\w+\\s*=|href\\s*=|<style|url\\((?!#)).*")) {
                problems.add(name + " references or runs something");
            }
            if (!EmojiImages.isBundled(name)) {
                problems.add(name + " is not known as bundled");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(Files.readString(BUNDLE.resolve("LICENSE")).contains("MIT License"));
        assertTrue(Files.readString(BUNDLE.resolve("LICENSE-GRAPHICS"))
                .contains("Creative Commons Attribution 4.0 International Public License"));
    }

    @Test
    void everyEmojiJemojiKnowsThatHasAFileIsFoundInText() {
        List<String> problems = new ArrayList<>();
        int images = 0;
        for (Emoji emoji : EmojiManager.getAllEmojis()) {
            Optional<String> file = EmojiImages.fileFor(emoji.getEmoji());
            if (file.isEmpty()) {
                if (emoji.getVersion() < 17.0) {
                    problems.add(emoji.getEmoji() + " (" + emoji.getDescription() + ") has no image");
                }
                continue;
            }
            images++;
            List<EmojiImages.Found> found = EmojiImages.find("x " + emoji.getEmoji() + " y");
            boolean text = emoji.getQualification().name().equals("UNQUALIFIED")
                    && emoji.getEmoji().indexOf('\u200D') < 0;
            if (text != found.isEmpty()
                    || (!text && (found.size() != 1 || !found.get(0).fileName().equals(file.get())))) {
                problems.add(emoji.getEmoji() + " (" + emoji.getDescription() + ") found as " + found);
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(images >= MIN_IMAGES, "emoji with an image: " + images);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2705.svg",
                "1f468-200d-1f469-200d-1f467-200d-1f466.svg",
                "2764-fe0f-200d-1f525.svg",
            })
    void bundledNamesAreRecognised(String name) {
        assertTrue(EmojiImages.isBundled(name));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "2705",
                "2705.SVG",
                "2705.png",
                "../2705.svg",
                "2705.svg/..",
                "ffff.svg",
                "2764-200d-1f525.svg", // the same emoji, but not the file's name
                "LICENSE",
                "files.txt"
            })
    void otherNamesAreNot(String name) {
        assertFalse(EmojiImages.isBundled(name));
    }
}
