package io.hookline.ejb.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RolesTest {

    @Test
    void membersAndAdminsAreWrittenAsMattermostWritesThem() {
        assertEquals("system_user", Roles.of(false));
        assertEquals("system_admin system_user", Roles.of(true));
        assertTrue(Roles.isSystemAdmin(Roles.of(true)));
        assertFalse(Roles.isSystemAdmin(Roles.of(false)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "system_admin",
                "system_admin system_user",
                "system_user system_admin",
                "team_admin system_admin system_user",
                "a  system_admin"
            })
    void theAdminRoleIsFoundAsAWholeWordAnywhereInTheList(String roles) {
        assertTrue(Roles.isSystemAdmin(roles));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "system_user",
                "system_admins",
                "xsystem_admin",
                "system_admin_x system_user",
                "system_adminsystem_admin",
                "System_Admin",
                "system_admin\tsystem_user",
                "system_user\tsystem_admin"
            })
    void anythingElseIsNotTheAdminRole(String roles) {
        assertFalse(Roles.isSystemAdmin(roles));
    }

    @Test
    void noRolesAreNoAdmin() {
        assertFalse(Roles.isSystemAdmin(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"system_user", " system_user ", "system_user system_user"})
    void aRoleUpdateMayAskForAMember(String requested) {
        assertEquals(Optional.of(false), Roles.requestedSystemAdmin(requested));
    }

    @ParameterizedTest
    @ValueSource(strings = {"system_admin system_user", "system_user system_admin", "system_admin\tsystem_user"})
    void aRoleUpdateMayAskForAnAdminWhoIsAMemberToo(String requested) {
        assertEquals(Optional.of(true), Roles.requestedSystemAdmin(requested));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "system_admin", "system_user team_admin", "SYSTEM_USER", "system_users"})
    void anyOtherRoleUpdateIsRefused(String requested) {
        assertEquals(Optional.empty(), Roles.requestedSystemAdmin(requested));
    }

    @Test
    void aMissingRoleListIsRefused() {
        assertEquals(Optional.empty(), Roles.requestedSystemAdmin(null));
    }
}
