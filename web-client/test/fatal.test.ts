import { expect, test } from "vitest";
import { fatalScreen } from "../src/room/fatal";

const screen = (code: number, reason: string) => {
  const element = fatalScreen(code, reason);
  return { code: element.dataset.code, title: element.querySelector("h1")!.textContent, detail: element.querySelectorAll("p")[0].textContent, line: element.querySelector(".code")!.textContent };
};

test.each([
  [4401, "token_missing", "This link is incomplete"],
  [4401, "token_revoked: The link was revoked; ask the interviewer for a new one.", "This link was revoked"],
  [4401, "token_expired: The link has expired; ask the interviewer for a new one.", "This link has expired or is not valid"],
  [4401, "token_invalid", "This link has expired or is not valid"],
  [4403, "kicked: The interviewer removed you from the room.", "You were removed from this interview"],
  [4403, "token_wrong_room", "This link does not give access here"],
  [4404, "room_not_found", "There is no such room"],
  [4410, "room_ended", "The interview has ended"],
  [1011, "", "The connection was closed"],
])("close %i %s explains itself as %s", (code, reason, title) => {
  const shown = screen(code, reason);
  expect(shown.code).toBe(String(code));
  expect(shown.title).toBe(title);
  expect(shown.detail).not.toBe("");
  expect(shown.line).toBe(`${code} ${reason}`.trim());
});

test("the screen is a modal alert dialog", () => {
  const element = fatalScreen(4410, "room_ended");
  expect(element.id).toBe("fatal");
  expect(element.getAttribute("role")).toBe("alertdialog");
  expect(element.getAttribute("aria-modal")).toBe("true");
});
