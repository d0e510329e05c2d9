// One browser per scenario file, shared by its scenarios. Each scenario is a top-level test that
// passes or fails on its own, in a room of its own, and each page it opens is in a browser context
// of its own. The file's contexts are kept for its next scenario (with their HTTP caches, which
// makes a page load much cheaper), emptied of what a scenario leaves: its pages, their local and
// session storage, cookies and permissions. BrowserIT gives every scenario --test-timeout's limit
// unless it sets a longer one.
import { after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM, SHOTS, WAIT } from "./env.mjs";

export const DESKTOP = { viewport: { width: 1280, height: 800 } };
export const NARROW = { viewport: { width: 420, height: 820 } };

let launched = null;

/** The file's browser contexts by their options: a scenario's n-th page with them gets the n-th. */
const contextPool = new Map();

/** The file's browser, started by the first scenario that opens a page. */
function browser() {
  launched ??= chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  return launched;
}

after(async () => {
  if (launched) await (await launched).close();
});

/**
 * A scenario's test function, for `test(name, scenario(body))` in the scenario's own file (so the
 * test is reported with that file). `body` gets `open(url, options)`, which opens a page in a new
 * browser context, and `shot(page, name)`, which saves a screenshot. The scenario fails on any
 * page error or Content-Security-Policy violation in its pages, and closes its contexts however it
 * ends.
 */
export function scenario(body) {
  return async () => {
    const pages = [];
    const contexts = new Set();
    const opened = new Map();
    const errors = [];
    const open = async (url, options = DESKTOP) => {
      const key = JSON.stringify(options);
      const n = opened.get(key) ?? 0;
      opened.set(key, n + 1);
      if (!contextPool.has(key)) contextPool.set(key, []);
      const pool = contextPool.get(key);
      pool[n] ??= (await browser()).newContext(options);
      const context = await pool[n];
      contexts.add(context);
      const page = await context.newPage();
      pages.push(page);
      page.on("pageerror", (error) => errors.push(`${url}: ${error.message}`));
      page.on("console", (message) => {
        // A refused inline style or script would mean the page breaks the server's CSP.
        if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
          const where = message.location();
          errors.push(`${page.url()} (${where.url}:${where.lineNumber}:${where.columnNumber}): ${message.text()}`);
        }
      });
      page.on("dialog", (dialog) => dialog.accept());
      if (url) await page.goto(url);
      return page;
    };
    const shot = async (page, file) => {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/${file}.png` });
    };
    try {
      await body({ open, shot });
      assert.deepEqual(errors, [], "no page errors or CSP violations");
    } finally {
      // Nothing of this scenario reaches the next one through the contexts it leaves behind.
      for (const page of pages) {
        await page.evaluate(() => (localStorage.clear(), sessionStorage.clear())).catch(() => undefined);
        await page.close().catch(() => undefined);
      }
      for (const context of contexts) {
        await Promise.all([context.clearCookies(), context.clearPermissions()]).catch(() => undefined);
      }
    }
  };
}

/**
 * Waits until the page is connected (its sockets open and the room's code arrived, so an edit
 * replaces that code rather than merging with it) and the server's welcome has set its role. A page
 * whose link carries no name first asks for one: it is answered with the role's name ("Candidate"),
 * the name the server would show for such a link anyway (talk.test.mjs types names of its own).
 */
export async function connected(page) {
  await page.locator('#connection[data-state="connected"], #name-dialog').first().waitFor(WAIT);
  const asked = page.locator("#name-dialog");
  if (await asked.isVisible()) {
    const role = (await asked.getAttribute("data-role")) ?? "participant";
    await page.locator("#join-name").fill(role.charAt(0).toUpperCase() + role.slice(1));
    await page.locator("#name-submit").click();
  }
  await page.locator('#connection[data-state="connected"]').waitFor(WAIT);
  await page.locator("body[data-role]").waitFor({ state: "attached", ...WAIT });
}

/** Opens these links (role → url), one browser context each, and waits until all are in the room. */
export async function join(open, links, roles = ["interviewer", "candidate", "observer"], options = DESKTOP) {
  const pages = await Promise.all(roles.map((role) => open(links[role], options)));
  await Promise.all(pages.map(connected));
  return pages;
}

/**
 * Waits for the page's full-screen explanation of a closed link and asserts its close code and
 * reason exactly (the code is read, not waited for, so a wrong one fails at once with its value).
 */
export async function expectFatal(page, code, reason, text) {
  const fatal = page.locator("#fatal");
  await fatal.waitFor(WAIT);
  assert.equal(await fatal.getAttribute("data-code"), String(code), await fatal.innerText());
  assert.equal(await fatal.getAttribute("data-reason"), reason);
  assert.match(await fatal.innerText(), text);
  // Nothing dismisses it: the room behind it is over for this page.
  for (let i = 0; i < 3; i++) await page.keyboard.press("Escape");
  assert.ok(await fatal.isVisible(), "the explanation stays after Escape");
}
