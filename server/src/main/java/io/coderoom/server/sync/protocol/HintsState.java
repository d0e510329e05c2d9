package io.coderoom.server.sync.protocol;

import java.util.List;

/**
 * The room's problem's hints for one participant: how many, those revealed, and, for those who may
 * reveal them, the next one's text. Nobody else ever receives a hint before it is revealed.
 *
 * @param problemId the room's problem, or null without one (then {@code total} is 0)
 * @param next the next hint's text, for those who may reveal it (left out otherwise, and when none
 *     is left)
 */
public record HintsState(
    @MayBeNull String problemId,
    int total,
    List<RevealedHint> revealed,
    @MayBeMissing String next) {}
