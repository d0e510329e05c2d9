package io.coderoom.server.account;

/**
 * A signed-in member: who they are and the team they act for.
 *
 * @param user the person
 * @param team their membership
 * @param sessionId the session's row id (never its secret), or the API token's id when the request
 *     came with a token
 */
public record SignedIn(User user, Membership team, String sessionId) {}
