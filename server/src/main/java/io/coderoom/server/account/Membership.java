package io.coderoom.server.account;

/**
 * A user's place in a team.
 *
 * @param teamId the team
 * @param teamName its name
 * @param role what the user may do in it
 */
public record Membership(String teamId, String teamName, TeamRole role) {}
