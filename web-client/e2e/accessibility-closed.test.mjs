// The screens of links that cannot open a room, through axe (support/axe.mjs), in both themes.
import { test } from "node:test";
import { EXPIRED_URL, MISSING_ROOM_URL, WAIT } from "./support/env.mjs";
import { expectFatal, join, scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { Audit, THEMES, inTheme } from "./support/axe.mjs";

test("the screens of links that cannot open a room, in both themes", scenario(async ({ open }) => {
  const audit = new Audit();
  // The two themes side by side, each in browser contexts of its own.
  // The two themes side by side, and in each the three ways in, each in browser contexts of its own.
  await Promise.all(THEMES.map(async (colorScheme) => {
    const options = inTheme(colorScheme);
    const expiredLink = async () => {
      const expired = await open(EXPIRED_URL, options);
      await expectFatal(expired, 4401, "token_expired", /expired/);
      await audit.check(expired, `an expired link (${colorScheme})`);
    };
    const missingRoom = async () => {
      const missing = await open(MISSING_ROOM_URL, options);
      await expectFatal(missing, 4404, "room_not_found", /no such room/);
      await audit.check(missing, `a link to no room (${colorScheme})`);
    };
    const removal = async () => {
      const { links } = await createRoom({ title: `Accessible removal (${colorScheme})` });
      const [interviewer, observer] = await join(open, links, ["interviewer", "observer"], options);
      await interviewer.click('#participants .participant[data-role="observer"] .kick');
      await interviewer.locator("#remove-dialog[open]").waitFor(WAIT);
      await audit.check(interviewer, `the remove dialog (${colorScheme})`);
      await interviewer.click("#remove-dialog-confirm");
      await expectFatal(observer, 4403, "kicked", /removed/);
      await audit.check(observer, `a removed participant (${colorScheme})`);
      const revoked = await open(links.observer, options);
      await expectFatal(revoked, 4401, "token_revoked", /revoked/);
      await audit.check(revoked, `a revoked link (${colorScheme})`);
    };
    await Promise.all([expiredLink(), missingRoom(), removal()]);
  }));
  audit.assertClean();
}));
