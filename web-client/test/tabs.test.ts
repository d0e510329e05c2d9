import { h, render } from "preact";
import { useState } from "preact/hooks";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, expect, test } from "vitest";
import { Tabs, tabPanel } from "../src/ui/Tabs";

type Id = "one" | "two" | "three";
let app: HTMLElement;
let selections: Id[];

/** Three tabs whose selection is kept by their owner, as the pages keep theirs. */
function Owner() {
  const [selected, setSelected] = useState<Id>("one");
  const select = (id: Id) => {
    selections.push(id);
    setSelected(id);
  };
  return h(
    "div",
    {},
    h(Tabs<Id>, { label: "Things", tabs: [{ id: "one", label: "One" }, { id: "two", label: "Two", badge: true }, { id: "three", label: "Three", panel: "third" }], selected, onSelect: select }),
    h("div", tabPanel("one", selected), "first"),
    h("div", tabPanel("two", selected), "second"),
    h("div", tabPanel("three", selected, "third"), "third"),
  );
}

const tab = (id: Id) => document.getElementById(`tab-${id}`)!;
const selected = () => [...document.querySelectorAll<HTMLElement>('[role="tab"]')].filter((t) => t.getAttribute("aria-selected") === "true").map((t) => t.id);
const press = (key: string) => {
  const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true });
  act(() => void (document.activeElement as HTMLElement).dispatchEvent(event));
  return event;
};

beforeEach(() => {
  selections = [];
  app = document.createElement("div");
  document.body.replaceChildren(app);
  act(() => render(h(Owner, {}), app));
});
afterEach(() => act(() => render(null, app)));

test("one tab is selected, and only it is in the Tab order; each controls its panel", () => {
  expect(document.querySelector('[role="tablist"]')!.getAttribute("aria-label")).toBe("Things");
  expect(selected()).toEqual(["tab-one"]);
  expect([tab("one").tabIndex, tab("two").tabIndex, tab("three").tabIndex]).toEqual([0, -1, -1]);
  expect(tab("three").getAttribute("aria-controls")).toBe("third");
  expect(document.getElementById("third")!.getAttribute("aria-labelledby")).toBe("tab-three");
  expect([...document.querySelectorAll<HTMLElement>('[role="tabpanel"]')].map((p) => p.hidden)).toEqual([false, true, true]);
});

test("the arrow keys move the selection and the focus, round the ends", () => {
  tab("one").focus();
  expect(press("ArrowRight").defaultPrevented).toBe(true);
  expect(selected()).toEqual(["tab-two"]);
  expect(document.activeElement).toBe(tab("two"));
  expect(tab("two").tabIndex).toBe(0);
  expect(tab("one").tabIndex).toBe(-1);
  press("ArrowRight");
  press("ArrowRight");
  expect(selected()).toEqual(["tab-one"]);
  expect(document.activeElement).toBe(tab("one"));
  press("ArrowLeft");
  expect(selected()).toEqual(["tab-three"]);
  expect(document.activeElement).toBe(tab("three"));
  expect(document.getElementById("third")!.hidden).toBe(false);
  expect(selections).toEqual(["two", "three", "one", "three"]);
});

test("Home and End go to the first and the last tab; other keys do nothing", () => {
  tab("one").focus();
  press("End");
  expect(selected()).toEqual(["tab-three"]);
  press("Home");
  expect(selected()).toEqual(["tab-one"]);
  expect(document.activeElement).toBe(tab("one"));
  expect(press("a").defaultPrevented).toBe(false);
  expect(selections).toEqual(["three", "one"]);
});

test("a click selects; a badge shows on a tab that is not open", () => {
  expect(tab("two").querySelector(".badge")?.getAttribute("aria-label")).toBe("(new)");
  act(() => tab("two").click());
  expect(selected()).toEqual(["tab-two"]);
  expect(tab("two").classList.contains("active")).toBe(true);
  expect(tab("two").querySelector(".badge")).toBeNull();
});
