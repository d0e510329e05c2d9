// Browser tests of the interview room, driving real Chromium with playwright-core.
// server/src/test/java/io/coderoom/server/web/BrowserIT.java starts a server and a runner agent,
// then runs this file with:
//   CODEROOM_BASE_URL     the server
//   CODEROOM_API_KEY      the key that creates rooms
//   CODEROOM_EXPIRED_URL  a room link whose token has expired
//   CODEROOM_MISSING_ROOM_URL  a validly signed link to a room that does not exist
//   CODEROOM_CONTROL_URL  POST /stop and /start stop the server and start it again on the same port
//   SCREENSHOT_DIR        where the screenshots go (default: ../screenshots)
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const BASE = required("CODEROOM_BASE_URL");
const API_KEY = required("CODEROOM_API_KEY");
const EXPIRED_URL = required("CODEROOM_EXPIRED_URL");
const CONTROL = required("CODEROOM_CONTROL_URL");
const MISSING_ROOM_URL = required("CODEROOM_MISSING_ROOM_URL");
const SHOTS = process.env.SCREENSHOT_DIR ?? new URL("../screenshots/", import.meta.url).pathname;
const WAIT = { timeout: 20_000 };
const RUN_WAIT = { timeout: 60_000 };

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (BrowserIT sets it)`);
  return value;
}

/** In the page: the text of its main editor, its lines without the remote carets' name labels. */
function editorText() {
  const content = document.querySelector("#editor .cm-content").cloneNode(true);
  for (const caret of content.querySelectorAll(".cm-remote-caret")) caret.remove();
  return [...content.querySelectorAll(".cm-line")].map((line) => line.textContent).join("\n");
}

const code = (page) => page.evaluate(editorText);

/** Waits until the page's editor holds exactly this text (trailing blank lines aside). */
async function waitForExactCode(page, text) {
  // The same as editorText, inline: the page's CSP forbids evaluating strings, so a predicate
  // cannot call a function passed in as source.
  await page.waitForFunction(
    (expected) => {
      const content = document.querySelector("#editor .cm-content")?.cloneNode(true);
      if (!content) return false;
      for (const caret of content.querySelectorAll(".cm-remote-caret")) caret.remove();
      const lines = [...content.querySelectorAll(".cm-line")].map((line) => line.textContent);
      return lines.join("\n").trimEnd() === expected;
    },
    text.trimEnd(),
    WAIT,
  );
}

/** Replaces everything in the page's editor with this text, as typed by its user. */
async function replaceCode(page, text) {
  await page.click("#editor .cm-content");
  await page.keyboard.press("Control+a");
  // Deleting first: Chrome's own insertText over highlighted text wraps it in a styled span,
  // which the CSP refuses (harmlessly: CodeMirror redraws the line) but reports.
  await page.keyboard.press("Backspace");
  if (text) await page.keyboard.insertText(text);
}

async function getJson(path) {
  const response = await fetch(BASE.replace(/\/$/, "") + path);
  assert.equal(response.status, 200, path);
  return response.json();
}

// Two Sum (server/src/main/resources/problems/two-sum.json): two public and four hidden cases.
const WRONG_TWO_SUM = `def twoSum(nums, target):
    print("trying", nums)
    return [0, 1]
`;
const RIGHT_TWO_SUM = `def twoSum(nums, target):
    print("checking", nums)
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
    return []
`;
/** Text of the hidden cases' inputs, as JSON and as this page formats them. */
const HIDDEN_INPUTS = ["-1,-2,-3,-4,-5", "-1, -2, -3, -4, -5", "1,5,9,13,21,34", "1, 5, 9, 13, 21, 34", "0,4,3,0", "0, 4, 3, 0"];

async function waitForCode(page, text) {
  await page.waitForFunction(
    (expected) => document.querySelector("#editor .cm-content")?.textContent?.includes(expected),
    text,
    WAIT,
  );
}

async function connected(page) {
  await page.locator('#connection[data-state="connected"]').waitFor(WAIT);
  await page.locator("body[data-role]").waitFor({ state: "attached", ...WAIT });
}

async function serverControl(action) {
  const response = await fetch(`${CONTROL}/${action}`, { method: "POST" });
  assert.equal(response.status, 200, `${action}: ${await response.text()}`);
}

test("the interview room in three browsers", { timeout: 150_000 }, async (t) => {
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const errors = [];
  const desktop = { viewport: { width: 1280, height: 800 } };
  const open = async (url, options = desktop) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(`${url}: ${error.message}`));
    page.on("console", (message) => {
      // A refused inline style or script would mean the page breaks the server's CSP.
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
        const where = message.location();
        errors.push(`${page.url()} (${where.url}:${where.lineNumber}:${where.columnNumber}): ${message.text()}`);
        console.log("CSP violation:", errors.at(-1));
      }
    });
    page.on("dialog", (dialog) => dialog.accept());
    if (url) await page.goto(url);
    return page;
  };

  try {
    let links;
    let interviewer, candidate, observer;
    const templates = Object.fromEntries((await getJson("/api/languages")).languages.map((l) => [l.id, l.template]));
    const twoSum = (await getJson("/api/problems")).problems.find((p) => p.id === "two-sum");
    assert.ok(templates.python && templates.javascript, "the languages come with templates");
    assert.ok(twoSum, "the catalogue has two-sum");

    await t.test("an interviewer creates a room on the landing page and gets three links", async () => {
      const landing = await open(BASE);
      await landing.fill("#api-key", API_KEY);
      await landing.fill("#room-title", "Browser test interview");
      await landing.locator('#room-language option[value="python"]').waitFor({ state: "attached", ...WAIT });
      await landing.selectOption("#room-language", "python");
      await landing.locator("#room-problem").waitFor(WAIT);
      assert.equal(await landing.locator("#room-problem").inputValue(), "", "no problem unless picked");
      assert.match(await landing.locator("#start-hint").innerText(), /Python template/);
      await landing.click("form.create button[type=submit]");
      await landing.locator('.link-url[data-role="observer"]').waitFor(WAIT);
      await landing.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE });
      await landing.click('button.copy[data-role="candidate"]');
      await landing.locator('button.copy[data-role="candidate"]', { hasText: "Copied" }).waitFor(WAIT);
      const copied = await landing.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await landing.locator('.link-url[data-role="candidate"]').inputValue());
      links = {};
      for (const role of ["interviewer", "candidate", "observer"]) {
        links[role] = await landing.locator(`.link-url[data-role="${role}"]`).inputValue();
        assert.match(links[role], /\/rooms\/[A-Za-z0-9_-]+#token=/);
      }
      await landing.screenshot({ path: `${SHOTS}/landing-links.png` });
      await landing.context().close();
    });

    await t.test("interviewer, candidate and observer join with their roles", async () => {
      [interviewer, candidate, observer] = await Promise.all([open(links.interviewer), open(links.candidate), open(links.observer)]);
      await Promise.all([interviewer, candidate, observer].map(connected));
      assert.equal(await interviewer.locator("#role").innerText(), "Interviewer");
      assert.equal(await candidate.locator("#role").innerText(), "Candidate");
      assert.equal(await observer.locator("#role").innerText(), "Spectating");
      assert.match(await observer.locator("#banner").innerText(), /Spectating/);
      await interviewer.locator('#participants .participant[data-role="observer"]').waitFor(WAIT);
      await interviewer.locator('#participants .participant[data-role="candidate"]').waitFor(WAIT);
      assert.equal(await interviewer.locator(".room-title").innerText(), "Browser test interview");
      assert.ok(await observer.locator("#run").isHidden(), "observers have no Run button");
      assert.ok(await observer.locator("#tab-stdin").isHidden(), "nor an input for runs");
      // A room made on the landing page without a problem starts with the language's template.
      for (const page of [interviewer, candidate, observer]) await waitForExactCode(page, templates.python);
      // The interviewer clears it for a blank start.
      await replaceCode(interviewer, "");
      await waitForExactCode(candidate, "");
      await waitForExactCode(observer, "");
    });

    await t.test("the token leaves the address bar and the history, and a reload rejoins", async () => {
      const roomPath = new URL(links.candidate).pathname;
      for (const page of [interviewer, candidate, observer]) {
        const address = await page.evaluate(() => location.href);
        // (The address itself is not printed: it would put a token in the test's output.)
        assert.ok(!address.includes("token"), "the address bar still holds the room's token");
        assert.equal(new URL(address).pathname.startsWith("/rooms/"), true);
      }
      assert.equal(await candidate.evaluate(() => location.pathname), roomPath);
      await candidate.reload();
      await connected(candidate);
      assert.equal(await candidate.locator("#role").innerText(), "Candidate");
      assert.ok(!(await candidate.evaluate(() => location.href)).includes("token"));
      // Still one candidate in the room: the reloaded page is the same participant again.
      await interviewer.locator('#participants .participant[data-role="candidate"]:not(.offline)').waitFor(WAIT);
    });

    await t.test("edits go both ways and remote cursors show with names", async () => {
      await candidate.click("#editor .cm-content");
      await candidate.keyboard.type("# typed by the candidate");
      await candidate.keyboard.press("Enter");
      await candidate.keyboard.insertText("print('hello from the candidate')\n");
      await waitForCode(interviewer, "hello from the candidate");
      await waitForCode(observer, "hello from the candidate");
      await interviewer.locator("#editor .cm-remote-caret .cm-remote-name", { hasText: "candidate" }).waitFor(WAIT);

      await interviewer.click("#editor .cm-content");
      await interviewer.keyboard.press("Control+End");
      await interviewer.keyboard.insertText("for i in range(3):\n    print('line', i, flush=True)\n");
      await waitForCode(candidate, "print('line', i, flush=True)");
      await waitForCode(observer, "print('line', i, flush=True)");
      await candidate.locator("#editor .cm-remote-caret .cm-remote-name", { hasText: "interviewer" }).waitFor(WAIT);
    });

    await t.test("undo takes back only your own edits", async () => {
      const before = await code(interviewer);
      // Y.UndoManager groups edits less than 500 ms apart into one step.
      await interviewer.waitForTimeout(600);
      await interviewer.keyboard.insertText("# the interviewer's line\n");
      await waitForCode(candidate, "# the interviewer's line");
      await candidate.click("#editor .cm-content");
      await candidate.keyboard.press("Control+End");
      await candidate.waitForTimeout(600);
      await candidate.keyboard.insertText("# a candidate's slip\n");
      await waitForCode(interviewer, "# a candidate's slip");
      await candidate.keyboard.press("Control+z");
      await interviewer.waitForFunction(() => !document.querySelector("#editor .cm-content").textContent.includes("slip"), null, WAIT);
      assert.ok((await code(interviewer)).includes("# the interviewer's line"), "the interviewer's edit stays");
      await interviewer.click("#editor .cm-content");
      await interviewer.keyboard.press("Control+z");
      await candidate.waitForFunction(() => !document.querySelector("#editor .cm-content").textContent.includes("the interviewer's line"), null, WAIT);
      assert.equal(await code(candidate), before, "earlier edits stay");
    });

    await t.test("Vim mode and the light theme switch on and off", async () => {
      await interviewer.check("#vim-toggle");
      await interviewer.locator("#editor .cm-scroller.cm-vimMode").waitFor({ state: "attached", ...WAIT });
      await interviewer.uncheck("#vim-toggle");
      await interviewer.locator("#editor .cm-scroller.cm-vimMode").waitFor({ state: "detached", ...WAIT });
      await interviewer.click("#theme-toggle");
      await interviewer.locator("body.light").waitFor({ state: "attached", ...WAIT });
      await interviewer.screenshot({ path: `${SHOTS}/desktop-interviewer-light.png` });
      await interviewer.click("#theme-toggle");
      await interviewer.locator("body:not(.light)").waitFor({ state: "attached", ...WAIT });
    });

    await t.test("the observer cannot type", async () => {
      const before = await code(observer);
      await observer.click("#editor .cm-content");
      await observer.keyboard.type("observer was here");
      assert.equal(await observer.locator("#editor .cm-content").getAttribute("contenteditable"), "false");
      await interviewer.waitForTimeout(300);
      assert.equal(await code(observer), before);
      assert.ok(!(await code(interviewer)).includes("observer was here"));
    });

    await t.test("locking stops the candidate's edits and unlocking allows them again", async () => {
      await interviewer.click("#lock");
      await candidate.locator('#banner[data-kind="locked"]').waitFor(WAIT);
      assert.match(await candidate.locator("#banner").innerText(), /locked/);
      assert.equal(await candidate.locator("#editor .cm-content").getAttribute("contenteditable"), "false");
      await candidate.click("#editor .cm-content");
      await candidate.keyboard.type("locked out");
      assert.ok(!(await code(candidate)).includes("locked out"));

      await interviewer.click("#lock");
      await candidate.locator("#banner").waitFor({ state: "hidden", ...WAIT });
      await candidate.locator('#editor .cm-content[contenteditable="true"]').waitFor(WAIT);
      await candidate.click("#editor .cm-content");
      await candidate.keyboard.press("Control+End");
      await candidate.keyboard.insertText("print('after unlock')\n");
      await waitForCode(interviewer, "after unlock");
    });

    await t.test("Run streams the output to all three browsers", async () => {
      await candidate.click("#editor .cm-content");
      await candidate.keyboard.press("Control+Enter");
      for (const page of [interviewer, candidate, observer]) {
        await page.locator('#run-status[data-state="ok"], #run-status[data-state="failed"]').waitFor(RUN_WAIT);
        const output = await page.locator("#output").innerText();
        const status = await page.locator("#run-status").innerText();
        assert.equal(await page.locator("#run-status").getAttribute("data-state"), "ok", `${status}\n${output}\n${await code(page)}`);
        assert.match(output, /hello from the candidate\nline 0\nline 1\nline 2\nafter unlock/);
        assert.match(await page.locator("#run-status").innerText(), /Finished · exit 0 · run \d+/);
      }
      await interviewer.screenshot({ path: `${SHOTS}/desktop-interviewer.png` });
      await observer.screenshot({ path: `${SHOTS}/desktop-observer.png` });
    });

    await t.test("after the server restarts, edits made offline merge and the code is intact", async () => {
      const before = await code(interviewer);
      await serverControl("stop");
      await Promise.all([interviewer, candidate].map((page) => page.locator('#connection[data-state="reconnecting"]').waitFor(WAIT)));
      await candidate.click("#editor .cm-content");
      await candidate.keyboard.press("Control+End");
      await candidate.keyboard.insertText("# written while offline\n");
      await serverControl("start");
      await Promise.all([interviewer, candidate, observer].map(connected));
      await waitForCode(interviewer, "# written while offline");
      await waitForCode(observer, "# written while offline");
      const after = await code(interviewer);
      assert.ok(after.startsWith(before.trimEnd()), `code kept after the restart:\n${after}`);
      // And the room still syncs live.
      await interviewer.click("#editor .cm-content");
      await interviewer.keyboard.press("Control+End");
      await interviewer.keyboard.insertText("# after the restart\n");
      await waitForCode(candidate, "# after the restart");
    });

    await t.test("a run reads the Input tab as its stdin", async () => {
      await candidate.click("#editor .cm-content");
      await candidate.keyboard.press("Control+End");
      await candidate.keyboard.insertText("print('stdin says', input())\n");
      await waitForCode(interviewer, "stdin says");
      await candidate.click("#tab-stdin");
      await candidate.fill("#stdin", "hello there\n");
      await candidate.click("#run");
      // The new run's output, then its end (run_started set the status to running before it).
      await candidate.locator("#output", { hasText: "stdin says" }).waitFor(RUN_WAIT);
      await candidate.locator('#run-status[data-state="ok"], #run-status[data-state="failed"]').waitFor(RUN_WAIT);
      const output = await candidate.locator("#output").innerText();
      assert.equal(await candidate.locator("#run-status").getAttribute("data-state"), "ok", output);
      assert.match(output, /stdin says hello there/);
      await interviewer.locator("#output", { hasText: "stdin says hello there" }).waitFor(RUN_WAIT);
    });

    await t.test("a narrow screen shows the panes as tabs", async () => {
      const narrow = { viewport: { width: 420, height: 820 } };
      await interviewer.click("#notes-tab");
      await interviewer.click("#notes .cm-content");
      await interviewer.keyboard.insertText("Strong start; ask about complexity.");
      for (const role of ["interviewer", "observer"]) {
        const page = await open(links[role], narrow);
        await connected(page);
        await page.locator(".mobile-tabs").waitFor(WAIT);
        assert.ok(await page.locator("#editor").isVisible(), "code is the first tab");
        assert.ok(await page.locator(".console").isHidden(), "the console waits behind its tab");
        await page.screenshot({ path: `${SHOTS}/narrow-${role}-code.png` });
        await page.click('.mobile-tabs button[data-pane="console"]');
        assert.ok(await page.locator(".console").isVisible());
        assert.ok(await page.locator("#editor").isHidden());
        // The latest run's output loads after the page joins: wait for it rather than read once.
        await page.locator("#output", { hasText: "hello from the candidate" }).waitFor(WAIT);
        await page.screenshot({ path: `${SHOTS}/narrow-${role}-console.png` });
        await page.click('.mobile-tabs button[data-pane="problem"]');
        if (role === "interviewer") {
          await page.click("#notes-tab");
          await page.locator("#notes .cm-content", { hasText: "ask about complexity" }).waitFor(WAIT);
        } else {
          assert.equal(await page.locator("#notes-tab").count(), 0, "observers have no notes");
          assert.match(await page.locator("#problem").innerText(), /No problem is set/);
          // Two pages on the observer link are one participant, listed first and marked as you.
          assert.equal(await page.locator('#participants .participant[data-role="observer"]').count(), 1);
          assert.ok(await page.locator("#participants .participant").first().locator(".you").isVisible(), "you are marked");
        }
        await page.context().close();
      }
      // The observer's first page is still open: the link is still in the room, once.
      await interviewer.locator('#participants .participant[data-role="observer"]:not(.offline)').waitFor(WAIT);
      assert.equal(await interviewer.locator('#participants .participant[data-role="observer"]').count(), 1);
    });

    await t.test("every language's editor mode loads and highlights", async () => {
      const snippets = {
        python: "def answer():\n    return 42\n",
        javascript: "const answer = () => 42;\n",
        typescript: "let answer: number = 42;\n",
        java: "class Answer { int value = 42; }\n",
        cpp: "int answer() { return 42; }\n",
        go: "package main\nfunc answer() int { return 42 }\n",
        csharp: "class Answer { public int Value = 42; }\n",
      };
      const page = await open(null);
      for (const [language, snippet] of Object.entries(snippets)) {
        const response = await fetch(`${BASE}/api/rooms`, {
          method: "POST",
          headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
          body: JSON.stringify({ title: `Mode ${language}`, language }),
        });
        assert.equal(response.status, 201, await response.clone().text());
        const room = await response.json();
        await page.goto(room.links.interviewer.url);
        await connected(page);
        await page.click("#editor .cm-content");
        await page.keyboard.insertText(snippet);
        // Highlighted tokens are spans with the highlighter's generated classes (ͼ…); plain text has none.
        await page.locator('#editor .cm-line span[class*="ͼ"]').first().waitFor({ state: "attached", ...WAIT });
      }
      await page.context().close();
    });

    await t.test("with a problem set, a wrong and then a right submission show test results in all three browsers", async () => {
      await interviewer.click('.left-tabs button[data-tab="problem"]'); // the notes were open
      await interviewer.selectOption("#problem-select", "two-sum");
      for (const page of [interviewer, candidate, observer]) {
        await page.locator("#problem-title", { hasText: "Two Sum" }).waitFor(WAIT);
        assert.match(await page.locator("#problem .examples").innerText(), /nums = \[2, 7, 11, 15\], target = 9/);
      }
      await candidate.locator("#submit").waitFor(WAIT);
      assert.ok(await observer.locator("#submit").isHidden(), "observers cannot submit");
      assert.ok(await interviewer.locator("#starter-offer").isHidden(), "no offer to replace code someone wrote");

      const submit = async (solution, summary) => {
        await replaceCode(candidate, solution);
        await waitForExactCode(interviewer, solution);
        await candidate.click("#submit");
        await Promise.all(
          [interviewer, candidate, observer].map((page) => page.locator("#tests-summary", { hasText: summary }).waitFor(RUN_WAIT)),
        );
      };
      const hiddenInputsIn = async (page) => {
        const html = await page.content();
        return HIDDEN_INPUTS.filter((text) => html.includes(text));
      };

      await submit(WRONG_TWO_SUM, "2 / 6 tests passed");
      for (const page of [interviewer, candidate, observer]) {
        assert.equal(await page.locator("#tests-summary").innerText(), "2 / 6 tests passed");
        assert.equal(await page.locator("#tests-counts").innerText(), "public: 1/2 passed · hidden: 1/4 passed");
        // The failing public case, with its input, what was expected and what came back.
        const failed = page.locator('.case[data-hidden="false"][data-status="failed"]');
        assert.match(await failed.locator(".case-input").innerText(), /nums = \[3, 2, 4\], target = 6/);
        assert.equal(await failed.locator(".case-expected").innerText(), "[1, 2]");
        assert.equal(await failed.locator(".case-actual").innerText(), "[0, 1]");
        assert.match(await failed.locator(".diff").innerText(), /expected 1, got 0/);
      }
      for (const page of [candidate, observer]) {
        assert.equal(await page.locator('.case[data-hidden="true"]').count(), 0);
        assert.match(await page.locator("#tests").innerText(), /Hidden tests: 1\/4 passed/);
        assert.deepEqual(await hiddenInputsIn(page), [], "no hidden case's input reaches a candidate or an observer");
      }
      assert.equal(await interviewer.locator('.case[data-hidden="true"]').count(), 4);
      assert.ok((await hiddenInputsIn(interviewer)).length > 0, "the interviewer sees the hidden cases");
      await interviewer.screenshot({ path: `${SHOTS}/tests-interviewer-failed.png` });
      await candidate.screenshot({ path: `${SHOTS}/tests-candidate-failed.png` });

      await submit(RIGHT_TWO_SUM, "6 / 6 tests passed");
      for (const page of [interviewer, candidate, observer]) {
        assert.equal(await page.locator("#tests-counts").innerText(), "public: 2/2 passed · hidden: 4/4 passed");
        assert.equal(await page.locator('#run-status[data-state="ok"]').count(), 1);
      }
      // What the code printed for public cases streams; what it printed for hidden ones is withheld.
      await candidate.click("#tab-output");
      assert.match(await candidate.locator("#output").innerText(), /checking \[2, 7, 11, 15\]/);
      for (const page of [candidate, observer]) assert.deepEqual(await hiddenInputsIn(page), []);
      assert.match(await interviewer.locator('.case[data-hidden="true"]').first().locator(".case-input").textContent(), /nums = \[3, 3\], target = 6/);
      // Someone joining later finds the last results, filtered for their role as well.
      const late = await open(links.candidate);
      await late.locator("#tests-summary", { hasText: "6 / 6 tests passed" }).waitFor(WAIT);
      assert.equal(await late.locator('.case[data-hidden="true"]').count(), 0);
      assert.deepEqual(await hiddenInputsIn(late), []);
      await late.context().close();
      await candidate.click("#tab-tests");
      await interviewer.screenshot({ path: `${SHOTS}/tests-interviewer.png` });
      await candidate.screenshot({ path: `${SHOTS}/tests-candidate.png` });
    });

    await t.test("a room from the landing page starts with the template; changing language or problem offers their starter", async () => {
      const page = await open(BASE);
      await page.fill("#api-key", API_KEY);
      await page.fill("#room-title", "Template room");
      await page.locator('#room-language option[value="python"]').waitFor({ state: "attached", ...WAIT });
      await page.selectOption("#room-language", "python");
      await page.click("form.create button[type=submit]");
      await page.click("a.open-room");
      await connected(page);
      await waitForExactCode(page, templates.python);

      await page.selectOption("#language-select", "javascript");
      await page.locator("#replace-starter", { hasText: "Replace with JavaScript starter" }).waitFor(WAIT);
      await page.screenshot({ path: `${SHOTS}/starter-offer.png` });
      await page.click("#replace-starter");
      await waitForExactCode(page, templates.javascript);
      assert.ok(await page.locator("#starter-offer").isHidden());
      // The replacement is one step of the interviewer's undo history.
      await page.click("#editor .cm-content");
      await page.keyboard.press("Control+z");
      await waitForExactCode(page, templates.python);
      await page.keyboard.press("Control+y");
      await waitForExactCode(page, templates.javascript);

      await page.selectOption("#problem-select", "two-sum");
      await page.locator("#replace-starter", { hasText: "Replace with Two Sum JavaScript starter" }).waitFor(WAIT);
      await page.click("#replace-starter");
      await waitForExactCode(page, twoSum.starterCode.javascript);
      await page.locator("#submit").waitFor(WAIT);
      await page.screenshot({ path: `${SHOTS}/desktop-interviewer-problem.png` });

      // Code someone wrote is never offered for replacement.
      await page.click("#editor .cm-content");
      await page.keyboard.press("Control+End");
      await page.keyboard.insertText("// mine\n");
      await page.selectOption("#language-select", "python");
      await page.waitForFunction(() => document.querySelector(".language")?.textContent === "Python", null, WAIT);
      assert.ok(await page.locator("#starter-offer").isHidden(), "no offer for edited code");
      await page.context().close();
    });

    await t.test("an expired link shows why it cannot open the room", async () => {
      const page = await open(EXPIRED_URL);
      await page.locator('#fatal[data-code="4401"]').waitFor(WAIT);
      assert.match(await page.locator("#fatal").innerText(), /expired/);
      await page.screenshot({ path: `${SHOTS}/expired-link.png` });
      await page.context().close();
    });

    await t.test("a link to a room that does not exist says so", async () => {
      const page = await open(MISSING_ROOM_URL);
      await page.locator('#fatal[data-code="4404"]').waitFor(WAIT);
      assert.match(await page.locator("#fatal").innerText(), /no such room/);
      await page.context().close();
    });

    await t.test("a removed observer is told so and cannot come back", async () => {
      await interviewer.click('#participants .participant[data-role="observer"] .kick');
      await observer.locator('#fatal[data-code="4403"]').waitFor(WAIT);
      assert.match(await observer.locator("#fatal").innerText(), /removed/);
      // Listed a while longer, greyed out as gone.
      await interviewer.locator('#participants .participant.offline[data-role="observer"]').waitFor(WAIT);
      const again = await open(links.observer);
      await again.locator('#fatal[data-code="4401"]').waitFor(WAIT);
      assert.match(await again.locator("#fatal").innerText(), /revoked/);
      await again.context().close();
    });

    await t.test("ending the interview closes the room for everyone", async () => {
      await interviewer.click("#end");
      for (const page of [candidate, interviewer]) {
        await page.locator('#fatal[data-code="4410"]').waitFor(WAIT);
      }
      assert.match(await candidate.locator("#fatal").innerText(), /interview has ended/);
    });

    assert.deepEqual(errors, [], "no page errors or CSP violations");
  } finally {
    await browser.close();
  }
});
