package io.hookline.ejb.team;

import io.hookline.ejb.audit.AuditDetails;

/** What the audit log says about team membership: Mattermost's action names, the team as target. */
final class TeamAudit {

    static final String ADD_MEMBER = "addTeamMember";
    static final String REMOVE_MEMBER = "removeTeamMember";

    private TeamAudit() {}

    static String target(Team team) {
        return "team " + team.id();
    }

    static AuditDetails member(Team team, String userId) {
        return AuditDetails.of().with("team", team.name()).with("user_id", userId);
    }
}
