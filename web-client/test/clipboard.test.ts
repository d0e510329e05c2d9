import { describe, expect, test, vi } from "vitest";
import { copyText } from "../src/app/clipboard";

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
