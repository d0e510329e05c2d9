// What server/src/test/java/io/coderoom/server/web/BrowserIT.java hands the browser scenarios:
//   CODEROOM_BASE_URL          the server
//   CODEROOM_API_KEY           the key that creates rooms
//   CODEROOM_EXPIRED_URL       a room link whose token has expired
//   CODEROOM_MISSING_ROOM_URL  a validly signed link to a room that does not exist
//   CODEROOM_CONTROL_URL       POST /stop and /start stop the server and start it again on the same port
//   CODEROOM_KEYCLOAK_ISSUER   a real Keycloak the server signs people in with (maybe still starting)
//   CODEROOM_KEYCLOAK_USER, CODEROOM_KEYCLOAK_PASSWORD, CODEROOM_KEYCLOAK_NAME
//                              a person of its realm with no account here yet
//   CODEROOM_KEYCLOAK_UNINVITED_USER, CODEROOM_KEYCLOAK_UNINVITED_PASSWORD
//                              a person of its realm nobody invites
//   CHROMIUM                   the browser (default: Debian's /usr/bin/chromium)
//   SCREENSHOT_DIR             where the screenshots go (default: ../../screenshots)
export const BASE = required("CODEROOM_BASE_URL").replace(/\/$/, "");
export const API_KEY = required("CODEROOM_API_KEY");
export const EXPIRED_URL = required("CODEROOM_EXPIRED_URL");
export const MISSING_ROOM_URL = required("CODEROOM_MISSING_ROOM_URL");
export const CONTROL = required("CODEROOM_CONTROL_URL");
export const KEYCLOAK = {
  issuer: required("CODEROOM_KEYCLOAK_ISSUER"),
  user: required("CODEROOM_KEYCLOAK_USER"),
  password: required("CODEROOM_KEYCLOAK_PASSWORD"),
  name: required("CODEROOM_KEYCLOAK_NAME"),
  uninvitedUser: required("CODEROOM_KEYCLOAK_UNINVITED_USER"),
  uninvitedPassword: required("CODEROOM_KEYCLOAK_UNINVITED_PASSWORD"),
};
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const SHOTS = process.env.SCREENSHOT_DIR ?? new URL("../../screenshots/", import.meta.url).pathname;

export { RUN_WAIT, WAIT } from "./waits.mjs";

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (BrowserIT sets it)`);
  return value;
}
