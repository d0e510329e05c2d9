package io.coderoom.server.sync.protocol;

/**
 * What a participant may do or see in a room. Each command names the one it needs; a role is a set
 * of them ({@link RolePermissions}); an event may go only to the holders of one.
 */
public enum Permission {
  /** Be in the room: ping, and everything every participant may do. */
  ATTEND,
  /** Lock and unlock candidate editing, remove a participant, end the interview. */
  MODERATE,
  /** Choose the room's problem and language. */
  CHOOSE_SETUP,
  /** Run the code, submit it against the tests, stop a run. */
  RUN_CODE,
  /** See hidden test cases in full, and how a run went once they began. */
  SEE_HIDDEN_TESTS,
  /** Start, pause, resume, extend and stop the interview's clock. */
  CONTROL_CLOCK,
  /** Write in the room's chat (everyone reads it). */
  CHAT,
  /** Read and write in the interviewers' chat channel. */
  INTERVIEWER_CHAT,
  /** Reveal the problem's next hint to the room, and read it before revealing it. */
  REVEAL_HINTS
}
