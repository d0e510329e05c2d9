import { h, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { ConfirmDialog } from "../src/ui/Dialog";

let app: HTMLElement;
let opener: HTMLButtonElement;
const onConfirm = vi.fn();
const onCancel = vi.fn();
const dialog = () => document.querySelector<HTMLDialogElement>("#end-dialog")!;

beforeEach(() => {
  onConfirm.mockReset();
  onCancel.mockReset();
  opener = document.createElement("button");
  app = document.createElement("div");
  document.body.replaceChildren(opener, app);
  opener.focus();
  act(() =>
    render(
      h(ConfirmDialog, { id: "end-dialog", title: "End the interview?", message: "Every link stops working.", confirmLabel: "End interview", danger: true, onConfirm, onCancel }),
      app,
    ),
  );
});
afterEach(() => act(() => render(null, app)));

test("asks in a modal alert dialog, named by its title and described by its message", () => {
  expect(dialog().open).toBe(true);
  expect(dialog().getAttribute("role")).toBe("alertdialog");
  expect(dialog().getAttribute("aria-modal")).toBe("true");
  expect(document.getElementById(dialog().getAttribute("aria-labelledby")!)!.textContent).toBe("End the interview?");
  expect(document.getElementById(dialog().getAttribute("aria-describedby")!)!.textContent).toBe("Every link stops working.");
  expect(document.querySelector("#end-dialog-confirm")!.className).toBe("danger-solid");
});

test("is modal in the same task that puts it on the page", () => {
  act(() => render(null, app));
  opener.focus();
  // No act(): nothing runs between the render and these reads, as no event can in the browser.
  render(h(ConfirmDialog, { id: "end-dialog", title: "End?", message: "Ends.", confirmLabel: "End", onConfirm, onCancel }), app);
  expect(dialog().open).toBe(true);
  act(() => render(null, app));
  expect(document.activeElement).toBe(opener);
});

test("Cancel cancels and the confirm button confirms", () => {
  const [cancel, confirm] = dialog().querySelectorAll("button");
  expect(cancel.textContent).toBe("Cancel");
  act(() => cancel.click());
  expect([onCancel.mock.calls.length, onConfirm.mock.calls.length]).toEqual([1, 0]);
  expect(confirm.textContent).toBe("End interview");
  act(() => confirm.click());
  expect([onCancel.mock.calls.length, onConfirm.mock.calls.length]).toEqual([1, 1]);
});

test("Escape cancels, and the dialog stays until its owner closes it", () => {
  // What the browser fires on a modal dialog when Escape is pressed.
  const escape = new Event("cancel", { cancelable: true });
  dialog().dispatchEvent(escape);
  expect(onCancel).toHaveBeenCalledOnce();
  expect(onConfirm).not.toHaveBeenCalled();
  expect(escape.defaultPrevented).toBe(true);
  expect(dialog().open).toBe(true);
});

test("closing gives the focus back to what had it", () => {
  const shown = dialog();
  shown.querySelector("button")!.focus();
  expect(document.activeElement).not.toBe(opener);
  act(() => render(null, app));
  expect(shown.open).toBe(false);
  expect(document.querySelector("#end-dialog")).toBeNull();
  expect(document.activeElement).toBe(opener);
});
