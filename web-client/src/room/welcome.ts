/**
 * Whether this browser was already welcomed to a room: the welcome is shown on the first join
 * only, and a reload or a second tab of the same room does not show it again.
 */
const key = (roomId: string) => `coderoom.welcomed.${roomId}`;

export function welcomed(roomId: string): boolean {
  try {
    return localStorage.getItem(key(roomId)) !== null;
  } catch {
    return false; // storage refused (a private window's policy): the welcome shows again
  }
}

export function rememberWelcomed(roomId: string): void {
  try {
    localStorage.setItem(key(roomId), new Date().toISOString());
  } catch {
    // Nowhere to remember it: the welcome shows again on the next join, which is harmless.
  }
}
