// The server stops and starts again on the same port while three browsers stay in the room. It runs
// alone (BrowserIT runs e2e/alone/ after the other files): the other scenarios use the same server.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WAIT } from "../support/env.mjs";
import { connected, join, scenario } from "../support/scenario.mjs";
import { createRoom, serverControl } from "../support/rooms.mjs";
import { code, typeAtEnd, waitForCode } from "../support/editor.mjs";

test("after the server restarts, edits made offline merge and the code is intact", scenario(async ({ open }) => {
  const { links } = await createRoom({ title: "Restart room", starterCode: "print('written before the restart')\n" });
  const [interviewer, candidate, observer] = await join(open, links);
  await waitForCode(interviewer, "written before the restart");
  const before = await code(interviewer);
  await serverControl("stop");
  try {
    await Promise.all([interviewer, candidate].map((page) => page.locator('#connection[data-state="reconnecting"]').waitFor(WAIT)));
    await typeAtEnd(candidate, "# written while offline\n");
  } finally {
    // Started again whatever happened, so the scenarios after this one find their server.
    await serverControl("start");
  }
  await Promise.all([interviewer, candidate, observer].map(connected));
  await waitForCode(interviewer, "# written while offline");
  await waitForCode(observer, "# written while offline");
  const after = await code(interviewer);
  assert.ok(after.startsWith(before.trimEnd()), `code kept after the restart:\n${after}`);
  // And the room still syncs live.
  await typeAtEnd(interviewer, "# after the restart\n");
  await waitForCode(candidate, "# after the restart");
}));
