package io.hookline.web.emoji;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.fellbaum.jemoji.EmojiManager;
import net.fellbaum.jemoji.EmojiType;
import net.fellbaum.jemoji.IndexedEmoji;
import net.fellbaum.jemoji.Qualification;

/**
 * The emoji images the console shows in posts in place of Unicode emoji, so that an emoji looks the same on
 * every machine, with or without a colour emoji font.
 *
 * <h2>The set</h2>
 * Twemoji {@value #VERSION} (Discord's maintained fork of Twitter's Twemoji, graphics CC-BY 4.0, code MIT), one
 * SVG per emoji, unmodified, under {@value #RESOURCE_DIR} in one jar in the WAR's {@code WEB-INF/lib} (built from
 * {@code src/main/emoji}; on the class path, so the unit tests see the same files), with both licence files and
 * {@code files.txt}, the list of the files. Only the files of the
 * emoji that JEmoji, the console's emoji data, knows are bundled; JEmoji's Emoji 17.0 additions have no Twemoji
 * image yet and stay text. {@link EmojiImageServlet} serves them at {@value #URL_PREFIX}: the set's version is
 * part of the path, so a new set is a new URL and the images can be cached for a year.
 *
 * <h2>Which emoji, which file</h2>
 * The emoji in a text are found with JEmoji (longest sequence first: a ZWJ family, a flag, a keycap, an emoji
 * with a skin tone is one emoji). Twemoji names a file by the emoji's code points in lower-case hex joined by
 * {@code -}, without the variation selector U+FE0F except in some ZWJ sequences ({@code 2764-fe0f-200d-1f525}
 * but {@code 1f441-200d-1f5e8}); the file is therefore looked up by the code points without any U+FE0F
 * ({@link #keyOf}), which no two Twemoji files share. An emoji is shown as text, not as an image, when
 * <ul>
 * <li>the set has no image for it;</li>
 * <li>it is a character whose default presentation is text, written without U+FE0F, outside a ZWJ sequence
 * (Unicode's "unqualified" emoji: {@code ©}, {@code ®}, {@code ™}, {@code ↔}, {@code ❤} and {@code ⚠} written
 * bare, a keycap without U+FE0F such as {@code #⃣}): browsers show those as text too;</li>
 * <li>it is followed by U+FE0E, which asks for the text presentation.</li>
 * </ul>
 * Digits, {@code #} and {@code *} alone are not emoji. The image's {@code alt} is the emoji exactly as written,
 * so copying the text copies the emoji.
 */
public final class EmojiImages {

    /** The bundled set and its version: part of every image URL. */
    public static final String VERSION = "twemoji-16.0.1";

    /** Where {@link EmojiImageServlet} serves the images (the console's context root is {@code /}). */
    public static final String URL_PREFIX = "/emoji/" + VERSION + "/";

    /** The class-path folder that holds the images, the licences and {@code files.txt}. */
    public static final String RESOURCE_DIR = "io/hookline/web/emoji/" + VERSION + "/";

    /** The list of the bundled images, one file name a line. */
    static final String INDEX = RESOURCE_DIR + "files.txt";

    /** The image's {@code width} and {@code height} attributes, in CSS pixels (the style sheet sizes it by the text). */
    public static final int SIZE = 20;

    /** The {@code class} of every emoji image. */
    public static final String CSS_CLASS = "emoji";

    /** A bundled image's file name: lower-case hex code points joined by {@code -}, {@code .svg}. */
    static final Pattern FILE_NAME = Pattern.compile("[0-9a-f]{2,6}(?:-[0-9a-f]{2,6}){0,15}\\.svg");

    private static final int VS15 = 0xFE0E;
    private static final int VS16 = 0xFE0F;
    private static final int ZWJ = 0x200D;

    /** {@link #keyOf} of each bundled image to its file name. */
    private static final Map<String, String> FILES = load();

    /** One emoji of a text that has an image: its place in the text ({@code [start, end)}, UTF-16) and image. */
    public record Found(int start, int end, String emoji, String fileName) {

        /** The image's URL, absolute on the console's host. */
        public String url() {
            return URL_PREFIX + fileName;
        }
    }

    private EmojiImages() {}

    /** The emoji of {@code text} that are shown as images, in order; empty when there are none. */
    public static List<Found> find(String text) {
        if (!mayHoldEmoji(text)) {
            return List.of();
        }
        List<Found> found = null;
        for (IndexedEmoji indexed : EmojiManager.extractEmojisInOrderWithIndex(text, EnumSet.of(EmojiType.UNICODE))) {
            int start = indexed.getCharIndex();
            int end = indexed.getEndCharIndex();
            String emoji = text.substring(start, end);
            if (end < text.length() && text.charAt(end) == VS15) {
                continue;
            }
            if (indexed.getEmoji().getQualification() == Qualification.UNQUALIFIED && emoji.indexOf(ZWJ) < 0) {
                continue;
            }
            String file = FILES.get(keyOf(emoji));
            if (file == null) {
                continue;
            }
            if (found == null) {
                found = new ArrayList<>();
            }
            found.add(new Found(start, end, emoji, file));
        }
        return found == null ? List.of() : found;
    }

    /** The bundled image file for one emoji, as written (with or without U+FE0F), if there is one. */
    public static Optional<String> fileFor(String emoji) {
        return Optional.ofNullable(FILES.get(keyOf(emoji)));
    }

    /** Whether {@code fileName} is one of the bundled images. */
    public static boolean isBundled(String fileName) {
        return fileName != null
                && FILE_NAME.matcher(fileName).matches()
                && fileName.equals(FILES.get(
                        keyOf(fileName.substring(0, fileName.length() - 4).split("-"))));
    }

    /** How many images are bundled. */
    public static int count() {
        return FILES.size();
    }

    /** The code points of {@code emoji} without U+FE0F, lower-case hex joined by {@code -}: {@code 1f441-200d-1f5e8}. */
    static String keyOf(String emoji) {
        StringBuilder key = new StringBuilder(emoji.length() * 4);
        emoji.codePoints().filter(c -> c != VS16).forEach(c -> {
            if (key.length() > 0) {
                key.append('-');
            }
            key.append(Integer.toHexString(c));
        });
        return key.toString();
    }

    private static String keyOf(String[] hexCodePoints) {
        StringBuilder key = new StringBuilder();
        for (String hex : hexCodePoints) {
            if (!hex.equals("fe0f")) {
                if (key.length() > 0) {
                    key.append('-');
                }
                key.append(hex);
            }
        }
        return key.toString();
    }

    /** Plain ASCII (most texts) holds no emoji: a keycap needs U+20E3, everything else is above U+00A8. */
    private static boolean mayHoldEmoji(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xA8) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> load() {
        ClassLoader loader = EmojiImages.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("missing " + INDEX);
            }
            Map<String, String> files = new HashMap<>(8192);
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String name = line.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (!FILE_NAME.matcher(name).matches()) {
                    throw new IllegalStateException(INDEX + ": not an emoji file name: " + name);
                }
                String key = keyOf(name.substring(0, name.length() - 4).split("-"));
                String other = files.put(key, name);
                if (other != null) {
                    throw new IllegalStateException(INDEX + ": " + other + " and " + name + " are the same emoji");
                }
            }
            return Collections.unmodifiableMap(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
    }
}
