package io.hookline.web.console.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "https://example.com/x.png?a=1&b=2#frag", "HTTPS://EXAMPLE.COM/X",
            "http://localhost:8080/a%20b", "https://[::1]/x",
            "https://example.com/javascript:alert(1)", "http://example.com/x.png?'onerror='alert(1)"})
    void absoluteHttpUrlsWithAHostAreKeptAsTheyAre(String url) {
        assertEquals(url, HttpUrls.orNull(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:image/svg+xml;base64,PHN2Zz4=", "vbscript:msgbox(1)",
        "VBScript:msgbox(1)", " http://example.com", "http://example.com ", " javascript:alert(1)",
        "java\tscript:alert(1)", "java\nscript:alert(1)", "\u0001javascript:alert(1)", "http://exa mple.com/",
        "http://example.com/a b", "//example.com/x.png", "/relative/x.png", "relative.png", "#top", "?q=1",
        "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "javascript&colon;alert(1)", "%6Aavascript:alert(1)",
        "http&#58;//example.com", "http:example.com", "http:/example.com", "http://", "https:///x", "ftp://example.com",
        "mailto:a@example.com", "file:///etc/passwd", "http://example.com\\@evil.example/", "http:\\\\evil.example",
        "http://example.com/\"onerror=\"alert(1)", "http://example.com/<script>", "http://exa\u200Bmple.com\u2028",
        "http://example.com/\u00A0x", "http://user@example.com/", "https://trusted.example:pw@evil.example/",
        "http://javascript:alert(1)@example.com/", ""})
    void everythingElseIsRefused(String url) {
        assertNull(HttpUrls.orNull(url));
    }

    @Test
    void nullAndOverlongAreRefused() {
        assertNull(HttpUrls.orNull(null));
        String longest = "https://example.com/" + "a".repeat(HttpUrls.MAX_LENGTH - 20);
        assertEquals(longest, HttpUrls.orNull(longest));
        assertNull(HttpUrls.orNull(longest + "a"));
    }
}
