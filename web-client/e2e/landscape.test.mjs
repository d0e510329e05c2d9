// A phone held either way: the editor has room to type, and a run brings the console into view.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RUN_WAIT, WAIT } from "./support/env.mjs";
import { connected, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { typeAtEnd, waitForExactCode } from "./support/editor.mjs";
import { LANDSCAPE, PHONE, box } from "./support/layout.mjs";

test(
  "a phone on its side leaves the editor room to type, and Run shows the console",
  { timeout: 120_000 },
  scenario(async ({ open }) => {
    let shared = "print('hello sideways')\n";
    const { links } = await createRoom({ title: "Landscape room", starterCode: shared });
    // Each role's top bar is different (the observer's has a banner under it).
    for (const role of ["interviewer", "candidate", "observer"]) {
      const page = await open(links[role], LANDSCAPE);
      await connected(page);
      const editor = await box(page, "#editor .cm-editor");
      assert.ok(editor.height >= 200, `the ${role}'s editor is ${editor.height} px high on a phone on its side`);
      if (role !== "interviewer") await page.close();
    }
    for (const [options, shape] of [
      [LANDSCAPE, "landscape"],
      [PHONE, "portrait"],
    ]) {
      const page = await open(links.interviewer, options);
      await connected(page);
      // The welcome floats over the editor's bottom on a short screen until it is dismissed.
      await page.locator("#welcome-dismiss").tap();
      // The room's code so far has arrived before a line is added at its end (else the two merge).
      await waitForExactCode(page, shared);
      shared += `print('${shape}')\n`;
      await typeAtEnd(page, `print('${shape}')\n`);
      await page.tap("#run");
      await page.locator(".console").waitFor(WAIT);
      assert.ok(await page.locator("#editor").isHidden(), `in ${shape}, Run swaps the editor for the console`);
      assert.equal(await page.locator('.mobile-tabs button[data-pane="console"]').getAttribute("aria-pressed"), "true");
      await page.locator("#output", { hasText: shape }).waitFor(RUN_WAIT);
    }
  }),
);
