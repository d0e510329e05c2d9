import { describe, expect, test, vi } from "vitest";
import { append, copyText, h } from "../src/dom";

describe("h", () => {
  test("sets attributes and classes, skips false and undefined, and listens to on* handlers", () => {
    const clicked = vi.fn();
    const button = h("button", { class: "primary", id: "run", hidden: false, title: undefined, "data-n": 3, onclick: clicked }, "Run");
    expect(button.outerHTML).toBe('<button class="primary" id="run" data-n="3">Run</button>');
    expect(h("input", { disabled: true }).outerHTML).toBe('<input disabled="">');
    button.click();
    expect(clicked).toHaveBeenCalledOnce();
  });

  test("appends text, nodes and nested arrays in order, skipping empty children", () => {
    const list = h("ul", {}, [h("li", {}, "a"), null, [false, h("li", {}, "b")], undefined], "tail");
    expect(list.outerHTML).toBe("<ul><li>a</li><li>b</li>tail</ul>");
  });

  test("text is text: markup in a string is not parsed", () => {
    const p = h("p", {}, "<img src=x onerror=alert(1)>");
    expect(p.children).toHaveLength(0);
    expect(p.textContent).toBe("<img src=x onerror=alert(1)>");
  });

  test("append adds to an existing parent", () => {
    const div = h("div", {}, "1");
    append(div, "2", [h("b", {}, "3")]);
    expect(div.innerHTML).toBe("12<b>3</b>");
  });
});

describe("copyText", () => {
  test("writes to the clipboard where the page may", async () => {
    const writeText = vi.fn(async () => undefined);
    vi.spyOn(navigator, "clipboard", "get").mockReturnValue({ writeText } as unknown as Clipboard);
    vi.stubGlobal("isSecureContext", true);
    await copyText("the link");
    expect(writeText).toHaveBeenCalledWith("the link");
  });

  test("falls back to a selection copied with execCommand, and leaves nothing behind", async () => {
    vi.stubGlobal("isSecureContext", false);
    let selected = "";
    document.execCommand = vi.fn(() => {
      selected = (document.activeElement as HTMLTextAreaElement | null)?.value ?? document.querySelector("textarea")?.value ?? "";
      return true;
    });
    await copyText("the link");
    expect(document.execCommand).toHaveBeenCalledWith("copy");
    expect(selected).toBe("the link");
    expect(document.querySelector("textarea")).toBeNull();
  });
});
