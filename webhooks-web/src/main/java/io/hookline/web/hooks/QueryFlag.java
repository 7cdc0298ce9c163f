package io.hookline.web.hooks;

import io.hookline.api.error.HooklineException;
import java.util.Locale;

/**
 * A yes/no query parameter of {@code POST /hooks/{id}} ({@code wait}, {@code dry_run}): absent, {@code false} or
 * {@code 0} is no, {@code true} or {@code 1} is yes (any case). Anything else is 400 {@code invalid_parameter}
 * rather than a guess: {@code ?dry_run=yes} read as "no" would post for real.
 */
final class QueryFlag {

    static final String ERROR_ID = "invalid_parameter";

    private QueryFlag() {}

    static boolean parse(String name, String value) {
        if (value == null) {
            return false;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> {
                return true;
            }
            case "false", "0" -> {
                return false;
            }
            default ->
                throw HooklineException.badRequest(
                        ERROR_ID, "The query parameter '" + name + "' must be true or false.");
        }
    }
}
