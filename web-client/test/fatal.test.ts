import { h, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, expect, test } from "vitest";
import { FatalScreen } from "../src/room/FatalScreen";

let app: HTMLElement;
const show = (code: number, reason: string): HTMLElement => {
  app = document.createElement("div");
  document.body.replaceChildren(app);
  act(() => render(h(FatalScreen, { code, reason }), app));
  return app.querySelector<HTMLElement>("#fatal")!;
};
afterEach(() => act(() => render(null, app)));

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
  const screen = show(code, reason);
  expect(screen.dataset.code).toBe(String(code));
  expect(screen.querySelector("h1")!.textContent).toBe(title);
  expect(screen.querySelector("#fatal-detail")!.textContent).not.toBe("");
  expect(screen.querySelector(".code")!.textContent).toBe(`Reference: ${code}`);
  // The words are for people: neither the code nor the server's reason token shows elsewhere.
  const words = screen.textContent!.replace(`Reference: ${code}`, "");
  expect(words).not.toContain(String(code));
  expect(words).not.toMatch(/[a-z]+_[a-z]+/);
});

test("the screen is a modal alert dialog, named by its title and described by its detail", () => {
  const screen = show(4410, "room_ended");
  expect(screen.tagName).toBe("DIALOG");
  expect((screen as HTMLDialogElement).open).toBe(true);
  expect(screen.getAttribute("role")).toBe("alertdialog");
  expect(screen.getAttribute("aria-modal")).toBe("true");
  expect(document.getElementById(screen.getAttribute("aria-labelledby")!)!.textContent).toBe("The interview has ended");
  expect(document.getElementById(screen.getAttribute("aria-describedby")!)!.textContent).toMatch(/closed now/);
});

test("a closed connection offers a reload; a room that is over only the way out", () => {
  expect(show(1011, "").querySelector("button")?.textContent).toBe("Reload the page");
  const ended = show(4410, "room_ended");
  expect(ended.querySelector("button")).toBeNull();
  expect(ended.querySelector("a")!.getAttribute("href")).toBe("/");
});

test("Escape does not dismiss it: there is nothing behind it to go back to", () => {
  const screen = show(4410, "room_ended") as HTMLDialogElement;
  // What the browser fires on the dialog when Escape is pressed.
  const escape = new Event("cancel", { cancelable: true });
  screen.dispatchEvent(escape);
  expect(escape.defaultPrevented).toBe(true);
  expect(screen.open).toBe(true);
  expect(app.querySelector("#fatal")).toBe(screen);
});
