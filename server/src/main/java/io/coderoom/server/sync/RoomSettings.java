package io.coderoom.server.sync;

import io.coderoom.server.problem.ProblemRef;
import io.coderoom.server.room.Principal;
import io.coderoom.server.room.RoomDirectory;
import java.util.Optional;

/**
 * Where a live room's settings are stored ({@link RoomDirectory} in production, which also audits
 * each change): the candidates' editing lock, the problem and language, the end of the interview
 * and revoked links. Every call blocks, and is false when the room took no change (it has ended).
 */
interface RoomSettings {
  boolean setCandidateLocked(boolean locked, Principal by);

  boolean setProblem(Optional<ProblemRef> problem, Principal by);

  boolean setLanguage(String language, Principal by);

  boolean end(Principal by);

  boolean revoke(String tokenId, Principal by);

  static RoomSettings of(RoomDirectory directory, String roomId) {
    return new RoomSettings() {
      @Override
      public boolean setCandidateLocked(boolean locked, Principal by) {
        return directory.setCandidateLocked(roomId, locked, by);
      }

      @Override
      public boolean setProblem(Optional<ProblemRef> problem, Principal by) {
        return directory.setProblem(roomId, problem, by);
      }

      @Override
      public boolean setLanguage(String language, Principal by) {
        return directory.setLanguage(roomId, language, by);
      }

      @Override
      public boolean end(Principal by) {
        return directory.end(roomId, by);
      }

      @Override
      public boolean revoke(String tokenId, Principal by) {
        return directory.revoke(roomId, tokenId, by);
      }
    };
  }
}
