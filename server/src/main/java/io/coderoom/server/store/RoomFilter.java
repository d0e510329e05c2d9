package io.coderoom.server.store;

import java.util.Optional;

/**
 * Which of a team's rooms the dashboard asks for, and which page of them.
 *
 * @param teamId the team whose rooms these are
 * @param viewerId the member asking, whose own interviews come first in each phase
 * @param phase only rooms in this phase, or all
 * @param text words found in the title, the candidate's name or email, or the problem
 * @param interviewerId only rooms this member created
 * @param language only rooms in this language
 * @param limit at most this many rooms
 * @param offset skipping this many
 */
public record RoomFilter(
    String teamId,
    String viewerId,
    Optional<RoomPhase> phase,
    Optional<String> text,
    Optional<String> interviewerId,
    Optional<String> language,
    int limit,
    int offset) {}
