package io.coderoom.server.api;

import java.util.Optional;

/**
 * What a caller of the library's API may see: the curated problems always; with a team, that team's
 * published problems; with drafts, its newest versions too; as an interviewer, hints and
 * editorials; as a member, what it takes to edit the team's problems (tests and solutions).
 *
 * @param team the team whose problems the caller sees besides the curated ones
 * @param drafts a member signed in with a session: the team's drafts as well
 * @param interviewer hints, follow-up and editorials (team members, interviewers' room links, the
 *     API key)
 * @param member a member of {@code team} (session or API token): a team problem's tests and
 *     solutions
 */
record ProblemViewer(Optional<String> team, boolean drafts, boolean interviewer, boolean member) {
  static final ProblemViewer ANONYMOUS = new ProblemViewer(Optional.empty(), false, false, false);

  /** Whether a problem of this team (empty: curated) is the caller's to see. */
  boolean sees(Optional<String> problemTeam) {
    return problemTeam.isEmpty() || problemTeam.equals(team);
  }
}
