package io.hookline.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.web.http.RequestHeadRules.Field;
import io.hookline.web.http.RequestHeadRules.RequestHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHeadRulesTest {

    private static final String HOOK = "/hooks/abcdefghijklmnopqrstuvwxyz";

    /** A well-formed hook POST with these extra fields. */
    private static RequestHead post(Field... extra) {
        return head("POST", HOOK, extra);
    }

    private static RequestHead head(String method, String uri, Field... extra) {
        List<Field> fields = new ArrayList<>(
                List.of(new Field("Host", "localhost:8080"), new Field("Content-Type", "application/json")));
        fields.addAll(List.of(extra));
        return new RequestHead(method, uri, fields);
    }

    private static Field field(String name, String value) {
        return new Field(name, value);
    }

    @Test
    void aWellFormedHookPostGoesOn() {
        assertEquals(
                Optional.empty(),
                RequestHeadRules.violation(post(
                        field("Content-Length", "12"),
                        field("User-Agent", "curl/8.5 (x86_64-pc-linux-gnu)"),
                        field("X-Tab", "a\tb"),
                        field("Authorization", "Bearer ' OR 1=1 --"),
                        field("X-Empty", ""))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X Test", "X-Te\u0000st", "caf\u00e9", "X(a)", "X:Y", "X/Y", "X@Y", "X\"Y", "X{Y}", " X"})
    void aHeaderNameMustBeAToken(String name) {
        assertFalse(RequestHeadRules.isToken(name), name);
        assertTrue(RequestHeadRules.violation(post(field(name, "v"))).isPresent(), name);
    }

    @Test
    void aNamelessFieldIsIgnoredAsBothServersLetItThrough() {
        assertFalse(RequestHeadRules.isToken(""));
        assertEquals(Optional.empty(), RequestHeadRules.violation(post(field("", "value"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Test", "x_test", "X.1", "!#$%&'*+-.^_`|~", "Content-Type", "A"})
    void tokensAreNames(String name) {
        assertTrue(RequestHeadRules.isToken(name), name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a\rX-Injected: 1",
                "a\nX-Injected: 1",
                "a\u0000b",
                "caf\u00c3\u00a9",
                "caf\u00e9",
                "application/json\u007f",
                "a\u0001",
                "\u2028"
            })
    void aHeaderValueIsVisibleAsciiSpaceAndTabOnly(String value) {
        assertFalse(RequestHeadRules.isFieldValue(value));
        assertTrue(RequestHeadRules.violation(post(field("X-Test", value))).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a folded", "\t", "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./"})
    void visibleAsciiSpaceAndTabAreValues(String value) {
        assertTrue(RequestHeadRules.isFieldValue(value), value);
    }

    @Test
    void twoHostHeadersAreRefused() {
        assertEquals(
                Optional.of("more than one Host header"),
                RequestHeadRules.violation(post(field("host", "evil.example"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"chunked", "CHUNKED", "Chunked", " chunked ", "chunked, chunked", ",chunked,"})
    void chunkedIsTheOnlyTransferCoding(String codings) {
        assertTrue(RequestHeadRules.onlyChunked(codings), codings);
        assertEquals(Optional.empty(), RequestHeadRules.violation(post(field("Transfer-Encoding", codings))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip, chunked", "identity", "gzip", "chunked, gzip", "", " , ", "chunkedx", "deflate"})
    void anyOtherTransferCodingIsRefused(String codings) {
        assertFalse(RequestHeadRules.onlyChunked(codings), codings);
        assertEquals(
                Optional.of("a transfer coding other than chunked"),
                RequestHeadRules.violation(post(field("Transfer-Encoding", codings))));
    }

    @Test
    void aSecondTransferEncodingLineIsReadToo() {
        assertTrue(RequestHeadRules.violation(
                        post(field("Transfer-Encoding", "chunked"), field("Transfer-Encoding", "gzip")))
                .isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "DELETE"})
    void getHeadAndDeleteMayNotCarryABody(String method) {
        assertEquals(
                Optional.of("a body on " + method),
                RequestHeadRules.violation(head(method, HOOK, field("Content-Length", "12"))));
        assertEquals(
                Optional.of("a body on " + method),
                RequestHeadRules.violation(head(method, HOOK, field("Transfer-Encoding", "chunked"))));
        assertEquals(Optional.empty(), RequestHeadRules.violation(head(method, HOOK, field("Content-Length", "0"))));
        assertEquals(Optional.empty(), RequestHeadRules.violation(head(method, HOOK, field("Content-Length", "000"))));
        assertEquals(Optional.empty(), RequestHeadRules.violation(head(method, HOOK)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "OPTIONS", "FOO"})
    void otherMethodsMayCarryABody(String method) {
        assertEquals(Optional.empty(), RequestHeadRules.violation(head(method, HOOK, field("Content-Length", "12"))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/hooks/%00",
                "/hooks/a%00b",
                "/api/v4/%00/x",
                "/hooks/\u00c3\u00a9",
                "/hooks/\u00e9",
                "/hooks/a\u007f",
                "/hooks/a\u0000"
            })
    void anEncodedNulOrARawNonAsciiByteInThePathIsRefused(String uri) {
        assertTrue(RequestHeadRules.violation(head("POST", uri)).isPresent(), uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/hooks/%C3%A9", "/hooks/%2e%2e/api", "/hooks/a;jsessionid=1", "/", "/hooks/%0A", "*"})
    void percentEncodedPathsAreThePathRulesOfOthers(String uri) {
        assertEquals(Optional.empty(), RequestHeadRules.violation(head("POST", uri)), uri);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"post", "Post", "pOST", "get", "Delete", "options", "patch", "connect", "trace", "head", "put"})
    void aStandardMethodInAnotherCaseIsNotThatMethod(String method) {
        assertTrue(RequestHeadRules.isCaseVariantOfStandardMethod(method), method);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "GET", "DELETE", "OPTIONS", "PATCH", "FOO", "foo", "PROPFIND", "posts"})
    void standardMethodsAndUnknownMethodsAreLeftToTheRuntime(String method) {
        assertFalse(RequestHeadRules.isCaseVariantOfStandardMethod(method), method);
    }
}
