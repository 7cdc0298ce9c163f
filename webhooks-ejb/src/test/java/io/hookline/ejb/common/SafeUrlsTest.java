package io.hookline.ejb.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeUrlsTest {

    // ------------------------------------------------------------------------------------------------ shown

    private static final String[] SHOWN = {
        "http://example.com",
        "https://example.com/x.png?a=1&b=2#frag",
        "HTTPS://EXAMPLE.COM/X",
        "http://localhost:8080/a%20b",
        "https://[::1]/x",
        "https://example.com/javascript:alert(1)",
        "http://example.com/x.png?'onerror='alert(1)"
    };

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://example.com",
                "https://example.com/x.png?a=1&b=2#frag",
                "HTTPS://EXAMPLE.COM/X",
                "http://localhost:8080/a%20b",
                "https://[::1]/x",
                "https://example.com/javascript:alert(1)",
                "http://example.com/x.png?'onerror='alert(1)"
            })
    void absoluteHttpUrlsWithAHostAreShownAsTheyAre(String url) {
        assertEquals(url, SafeUrls.shownHttpUrl(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JaVaScRiPt:alert(1)",
                "data:image/svg+xml;base64,PHN2Zz4=",
                "vbscript:msgbox(1)",
                "VBScript:msgbox(1)",
                " http://example.com",
                "http://example.com ",
                " javascript:alert(1)",
                "java\tscript:alert(1)",
                "java\nscript:alert(1)",
                "\u0001javascript:alert(1)",
                "http://exa mple.com/",
                "http://example.com/a b",
                "//example.com/x.png",
                "/relative/x.png",
                "relative.png",
                "#top",
                "?q=1",
                "&#106;avascript:alert(1)",
                "&#x6A;avascript:alert(1)",
                "javascript&colon;alert(1)",
                "%6Aavascript:alert(1)",
                "http&#58;//example.com",
                "http:example.com",
                "http:/example.com",
                "http://",
                "https:///x",
                "ftp://example.com",
                "mailto:a@example.com",
                "file:///etc/passwd",
                "http://example.com\\@evil.example/",
                "http:\\\\evil.example",
                "http://example.com/\"onerror=\"alert(1)",
                "http://example.com/<script>",
                "http://exa\u200Bmple.com\u2028",
                "http://example.com/\u00A0x",
                "http://user@example.com/",
                "https://trusted.example:pw@evil.example/",
                "http://javascript:alert(1)@example.com/",
                ""
            })
    void everythingElseIsNotShown(String url) {
        assertNull(SafeUrls.shownHttpUrl(url));
    }

    @Test
    void nullAndOverlongAreNotShown() {
        assertNull(SafeUrls.shownHttpUrl(null));
        String longest = "https://example.com/" + "a".repeat(SafeUrls.MAX_LENGTH - 20);
        assertEquals(SafeUrls.MAX_LENGTH, longest.length());
        assertEquals(longest, SafeUrls.shownHttpUrl(longest));
        assertNull(SafeUrls.shownHttpUrl(longest + "a"));
    }

    /** The view is the write path's rule and more: whatever it shows, the write path would store unchanged. */
    @Test
    void everyShownUrlIsAlreadyInItsStoredForm() {
        for (String url : SHOWN) {
            String schemeLowerCased =
                    url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) + url.substring(url.indexOf(':'));
            assertEquals(schemeLowerCased, SafeUrls.httpUrl(url), url);
        }
    }

    // ------------------------------------------------------------------------------------------------ user info

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://user:pw@example.com:8443/t.png",
                "http://javascript:alert(1)@example.com/x.png",
                "https://trusted.example@evil.example/"
            })
    void userInfoIsStoredAsSentButNeverShown(String url) {
        assertEquals(url, SafeUrls.httpUrl(url));
        assertEquals(url, SafeUrls.iconUrl(url));
        assertNull(SafeUrls.shownHttpUrl(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://trusted.example@evil.example/",
                "HTTP://u:p@x.example/",
                "http:user@x.example",
                "http:\\\\user@x.example/",
                "https:///u@x.example",
                "http://u@"
            })
    void markdownLinksAndImagesWithUserInfoAreRefused(String url) {
        assertFalse(SafeUrls.isLink(url));
        assertFalse(SafeUrls.isImage(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://x.example/@user",
                "https://x.example?to=a@b",
                "https://x.example#@top",
                "http://x.example\\@evil.example/",
                "https://x.example:8443/a@b"
            })
    void anAtSignAfterTheHostIsNoUserInfo(String url) {
        assertTrue(SafeUrls.isLink(url));
        assertTrue(SafeUrls.isImage(url));
    }

    @Test
    void aMailtoAddressIsNoUserInfo() {
        assertTrue(SafeUrls.isLink("mailto:a@b.example"));
        assertTrue(SafeUrls.isLink("MAILTO://a@b.example"));
    }

    // ------------------------------------------------------------------------------------------------ stored

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "HTTPS://Example.com/A?b=c#d|https://Example.com/A?b=c#d",
                "' https://example.com/a b '|https://example.com/a%20b",
                "http://[::1]:8080/img.png|http://[::1]:8080/img.png",
                "https://example.com/été.png|https://example.com/été.png",
                "http://good.example\\@evil.example/|http://good.example\\@evil.example/",
                "https://example.com/a\u00A0b|https://example.com/a%C2%A0b"
            })
    void httpUrlsAreStoredTrimmedWithTheSchemeLowerCasedAndInnerSpacesEncoded(String raw, String stored) {
        assertEquals(stored, SafeUrls.httpUrl(raw));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "data:text/html,x",
                "ftp://example.com/i.png",
                "//evil.example/x",
                "http://",
                "https://user@/x.png",
                "http://exa mple.com/x.png",
                "http://example.com/\u0000x.png",
                "http:/example.com",
                "https:example.com",
                "mailto:a@example.com",
                "http://:80/x",
                "https://example.com/a\nb",
                "http:\\\\evil.example",
                "https://\\evil.example/x.png",
                "http://[::1/x",
                " ",
                ""
            })
    void anythingElseIsNotStored(String raw) {
        assertNull(SafeUrls.httpUrl(raw));
    }

    @Test
    void storedLengthLimitAtAndPastTheBoundaryBeforeAndAfterSpacesAreEncoded() {
        String prefix = "https://example.com/";
        String longest = prefix + "x".repeat(SafeUrls.MAX_LENGTH - prefix.length());
        assertEquals(longest, SafeUrls.httpUrl(longest));
        assertNull(SafeUrls.httpUrl(longest + "x"));
        String spaced = prefix + " x".repeat((SafeUrls.MAX_LENGTH - prefix.length()) / 2);
        assertEquals(SafeUrls.MAX_LENGTH, spaced.length());
        assertNull(SafeUrls.httpUrl(spaced), "grows past the limit when its spaces become %20");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "' https://x/i.png '|https://x/i.png",
                "HTTP://X/I.PNG|HTTP://X/I.PNG",
                "http://[::1]:8080/i.png|http://[::1]:8080/i.png"
            })
    void iconsAreStoredAsSentTrimmed(String raw, String stored) {
        assertEquals(stored, SafeUrls.iconUrl(raw));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "data:image/png;base64,AAAA",
                "ftp://x/y.png",
                "//x/y.png",
                "http://",
                "not a url",
                "JAVASCRIPT:alert(1)",
                "file:///etc/passwd",
                "https://x/a b.png",
                "https://x/\"onerror=\"x",
                "http://x\\@evil.example/",
                "http:x.png",
                ""
            })
    void iconsThatJavaNetUriDoesNotReadAsHttpWithAHostAreRefused(String raw) {
        assertNull(SafeUrls.iconUrl(raw));
    }

    // ------------------------------------------------------------------------------------------------ markdown

    @ParameterizedTest
    @ValueSource(strings = {"http://x", "HTTPS://x", "mailto:a@b.example", "http:relative-but-http"})
    void linksNeedAnAllowedSchemeAtTheFirstCharacter(String url) {
        assertTrue(SafeUrls.isLink(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:x",
                " http://x",
                "\u00a0http://x",
                "java\tscript:x",
                "/x",
                "//x/y",
                "#top",
                "%6Aavascript:x",
                "1http://x",
                "http",
                "",
                "httpſ://x"
            })
    void otherLinksAreRefused(String url) {
        assertFalse(SafeUrls.isLink(url));
    }

    @Test
    void imagesAreHttpOnly() {
        assertTrue(SafeUrls.isImage("https://x.example/i.png"));
        assertFalse(SafeUrls.isImage("mailto:a@b.example"));
        assertFalse(SafeUrls.isImage(null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://x|7",
                "HTTPS://x|8",
                "mailto:a@b|7",
                "MailTo:a|7",
                "http://|-1",
                "mailto:|-1",
                "http:x|-1",
                "ftp://x|-1",
                "javascript:x|-1",
                "httpſ://x|-1",
                "maıl­to:a|-1",
                "' http://x'|-1"
            })
    void slackLinkTargetsNeedHttpSlashesOrMailtoAndAnAddress(String target, int addressStart) {
        assertEquals(addressStart, SafeUrls.slackLinkAddressStart(target));
        if (addressStart > 0) {
            assertTrue(SafeUrls.isLink(target), "every Slack link target is a markdown link");
        }
    }
}
