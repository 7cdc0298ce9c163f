package io.hookline.web.headers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictTransportSecurityTest {

    private final List<String> warnings = new ArrayList<>();

    private Optional<String> header(String setting) {
        return StrictTransportSecurity.headerValue(Optional.ofNullable(setting), warnings::add);
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "OFF", "false", "0", " ", ""})
    void offValuesSendNothingAndWarnNothing(String setting) {
        assertEquals(Optional.empty(), header(setting));
        assertEquals(List.of(), warnings);
    }

    @Test
    void unsetIsOff() {
        assertEquals(Optional.empty(), header(null));
        assertEquals(List.of(), warnings);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "on|max-age=31536000; includeSubDomains",
                "TRUE|max-age=31536000; includeSubDomains",
                "600|max-age=600; includeSubDomains",
                "63072000|max-age=63072000; includeSubDomains",
                "max-age=600|max-age=600",
                "max-age=31536000; includeSubDomains; preload|max-age=31536000; includeSubDomains; preload",
                "  max-age=86400;includeSubDomains  |max-age=86400;includeSubDomains",
            })
    void onSecondsOrAHeaderValue(String setting, String expected) {
        assertEquals(Optional.of(expected), header(setting));
        assertEquals(List.of(), warnings);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "63072001", // one second past the ceiling
                "max-age=63072001",
                "yes please",
                "-5",
                "max-age=600; includeSubDomains\r\nSet-Cookie: x=1",
                "max-age=600; report-uri=http://evil",
                "99999999999",
            })
    void anythingElseIsRefusedWithAWarning(String setting) {
        assertEquals(Optional.empty(), header(setting));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(StrictTransportSecurity.SETTING), warnings.get(0));
    }
}
