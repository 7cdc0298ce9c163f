package io.hookline.ejb.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookline.api.error.HooklineException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RotationGraceTest {

    private static final String RANGE = "model.incoming_hook.is_valid.grace_seconds.app_error";
    private static final String BODY = "api.context.invalid_body_param.app_error";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                          | 86400",
                "'   '                       | 86400",
                "{}                          | 86400",
                "{\"grace_seconds\":null}    | 86400",
                "{\"other\":5}               | 86400",
                "{\"grace_seconds\":0}       | 0",
                "{\"grace_seconds\":1}       | 1",
                "{\"grace_seconds\":3600}    | 3600",
                "{\"grace_seconds\":2592000} | 2592000",
            })
    void allowedBodies(String body, long seconds) {
        assertEquals(seconds, RotationGrace.fromBody(body));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"grace_seconds\":-1}",
                "{\"grace_seconds\":2592001}",
                "{\"grace_seconds\":1.5}",
                "{\"grace_seconds\":60.0}",
                "{\"grace_seconds\":\"60\"}",
                "{\"grace_seconds\":true}",
                "{\"grace_seconds\":[]}",
                "{\"grace_seconds\":1e400}",
                "{\"grace_seconds\":-1e400}",
                "{\"grace_seconds\":18446744073709551616}",
                "{\"grace_seconds\":9223372036854775807}"
            })
    void outOfRangeOrNotAWholeNumberIs400NamingTheField(String body) {
        HooklineException e = assertThrows(HooklineException.class, () -> RotationGrace.fromBody(body));
        assertEquals(400, e.status());
        assertEquals(RANGE, e.id());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "60", "\"60\"", "null", "{not json", "{\"grace_seconds\":1} trailing"})
    void aBodyThatIsNoJsonObjectIs400(String body) {
        HooklineException e = assertThrows(HooklineException.class, () -> RotationGrace.fromBody(body));
        assertEquals(400, e.status());
        assertEquals(BODY, e.id());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {RotationGrace.MIN_SECONDS, RotationGrace.MAX_SECONDS, RotationGrace.DEFAULT_SECONDS})
    void theBoundsAreAllowed(long seconds) {
        assertEquals(seconds, RotationGrace.seconds(seconds));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {RotationGrace.MIN_SECONDS - 1, RotationGrace.MAX_SECONDS + 1, Long.MIN_VALUE, Long.MAX_VALUE})
    void pastTheBoundsIsRefused(long seconds) {
        HooklineException e = assertThrows(HooklineException.class, () -> RotationGrace.seconds(seconds));
        assertEquals(RANGE, e.id());
    }
}
