package io.hookline.ejb.user;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user's system roles, spelled as Mattermost spells them: a space-separated list, {@code "system_user"} for a
 * member and {@code "system_admin system_user"} for a system admin. The one place that reads or writes that list.
 */
public final class Roles {

    public static final String SYSTEM_USER = "system_user";
    public static final String SYSTEM_ADMIN = "system_admin";

    /** What a role update may ask for: a member, or an admin who is a member too (in any order). */
    private static final Set<String> ASSIGNABLE = Set.of(SYSTEM_USER, SYSTEM_ADMIN);

    private static final Pattern SEPARATOR = Pattern.compile("\\s+");

    private Roles() {}

    /** The stored list for a member or a system admin. */
    public static String of(boolean systemAdmin) {
        return systemAdmin ? SYSTEM_ADMIN + " " + SYSTEM_USER : SYSTEM_USER;
    }

    /** Whether a stored list (single spaces between roles, as {@link #of} writes it) names the system admin. */
    public static boolean isSystemAdmin(String roles) {
        if (roles == null) {
            return false;
        }
        for (int at = roles.indexOf(SYSTEM_ADMIN); at >= 0; at = roles.indexOf(SYSTEM_ADMIN, at + 1)) {
            int end = at + SYSTEM_ADMIN.length();
            if ((at == 0 || roles.charAt(at - 1) == ' ') && (end == roles.length() || roles.charAt(end) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a role update ({@code PUT /users/{id}/roles}) asks for: whether the user is to be a system admin, or
     * empty when the list is not one Mattermost accepts ({@link #SYSTEM_USER}, optionally with
     * {@link #SYSTEM_ADMIN}; any white space between them).
     */
    public static Optional<Boolean> requestedSystemAdmin(String requested) {
        String trimmed = requested == null ? "" : requested.trim();
        Set<String> wanted = new HashSet<>(Arrays.asList(SEPARATOR.split(trimmed)));
        if (!wanted.contains(SYSTEM_USER) || !ASSIGNABLE.containsAll(wanted)) {
            return Optional.empty();
        }
        return Optional.of(wanted.contains(SYSTEM_ADMIN));
    }
}
