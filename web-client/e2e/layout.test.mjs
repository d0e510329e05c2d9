// How the room looks: Vim and the light theme.
import { test } from "node:test";
import { WAIT } from "./support/env.mjs";
import { DESKTOP, join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";

test("Vim mode and the theme switch on and off; the theme follows the system until chosen", scenario(async ({ open, shot }) => {
  const starterCode = "def greet(name):\n    return f'hello {name}'\n\nprint(greet(input()))\n";
  const { links } = await createRoom({ title: "Theme room", starterCode });
  const [candidate] = await join(open, links, ["candidate"], { ...DESKTOP, colorScheme: "light" });
  await candidate.locator("body.light").waitFor({ state: "attached", ...WAIT });
  const [interviewer] = await join(open, links, ["interviewer"], { ...DESKTOP, colorScheme: "dark" });
  await interviewer.locator("body:not(.light)").waitFor({ state: "attached", ...WAIT });
  await interviewer.check("#vim-toggle");
  await interviewer.locator("#editor .cm-scroller.cm-vimMode").waitFor({ state: "attached", ...WAIT });
  await interviewer.uncheck("#vim-toggle");
  await interviewer.locator("#editor .cm-scroller.cm-vimMode").waitFor({ state: "detached", ...WAIT });
  await interviewer.click("#theme-toggle");
  await interviewer.locator("body.light").waitFor({ state: "attached", ...WAIT });
  await shot(interviewer, "desktop-interviewer-light");
  await interviewer.click("#theme-toggle");
  await interviewer.locator("body:not(.light)").waitFor({ state: "attached", ...WAIT });
}));
