package io.hookline.web.api.body;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8CheckTest {

    private static void check(byte[] bytes, int pieceSize) throws MalformedInputException {
        Utf8Check utf8 = new Utf8Check();
        for (int at = 0; at < bytes.length; at += pieceSize) {
            utf8.check(bytes, at, Math.min(pieceSize, bytes.length - at));
        }
        utf8.end();
    }

    @Test
    void wellFormedTextPassesInAnyPieces() throws MalformedInputException {
        byte[] text =
                "{\"name\":\"caf\u00e9 \u65e5\u672c \ud83d\ude80 \uffff \u0800\"}".getBytes(StandardCharsets.UTF_8);
        for (int piece = 1; piece <= text.length; piece++) {
            check(text, piece);
        }
        check(HexFormat.of().parseHex("f48fbfbf"), 1); // U+10FFFF, the last code point
        check(HexFormat.of().parseHex("efbbbf7b7d"), 2); // a byte-order mark, then {}
    }

    /** Stray continuation, C0/C1, F5+, overlong forms, surrogates, past U+10FFFF, cut short, cut off at the end. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "80",
                "bf",
                "c0af",
                "c1bf",
                "f5808080",
                "ff",
                "fe",
                "e080af",
                "f08082ac",
                "eda080",
                "edbfbf",
                "f4908080",
                "c328",
                "e282",
                "e28222",
                "f09f98",
                "7b22c3",
                "e2",
                "c3c3"
            })
    void malformedSequencesAreRefused(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThrows(MalformedInputException.class, () -> check(bytes, bytes.length));
        assertThrows(MalformedInputException.class, () -> check(bytes, 1));
    }
}
