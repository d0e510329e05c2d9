// How soon a room can be typed in: from the start of a navigation to a room link until a
// character typed into the editor shows in it, in real Chromium against a running server.
// "cold" is a fresh browser context each time (empty HTTP cache); "warm" is a second navigation in
// a context that has loaded the room once. Also prints the JavaScript the room page loaded,
// gzipped, file by file (scripts/page-budget.mjs holds the build to a budget for the same files,
// without the language mode loaded after the page starts).
//
//   node scripts/bench-page-load.mjs [--url URL] [--api-key KEY] [--runs N] [--language ID]
//
// URL and KEY default to CODEROOM_BASE_URL and CODEROOM_API_KEY; `./coderoom bench page-load`
// starts a server of its own and passes both. CHROMIUM names the browser (default /usr/bin/chromium).
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const { values: options } = parseArgs({
  options: {
    url: { type: "string", default: process.env.CODEROOM_BASE_URL },
    "api-key": { type: "string", default: process.env.CODEROOM_API_KEY },
    runs: { type: "string", default: "10" },
    language: { type: "string", default: "python" },
  },
});
if (!options.url || !options["api-key"]) {
  console.error("usage: bench-page-load.mjs --url URL --api-key KEY [--runs N] [--language ID]");
  process.exit(2);
}
const BASE = options.url.replace(/\/$/, "");
const RUNS = Number(options.runs);
const VIEWPORT = { viewport: { width: 1280, height: 800 } };
/** A key whose character the room's code does not hold, so its appearance is the keystroke's. */
const KEY = "q";
const STARTER = "print('hello')\n";

async function createRoom() {
  const response = await fetch(`${BASE}/api/rooms`, {
    method: "POST",
    headers: { authorization: `Bearer ${options["api-key"]}`, "content-type": "application/json" },
    body: JSON.stringify({ title: "Page-load benchmark", language: options.language, starterCode: STARTER }),
  });
  if (response.status !== 201) throw new Error(`creating a room: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()).links.candidate.url;
}

/**
 * Opens a new room's link in a new page of this context (a room each time, so nothing typed
 * before is in its code) and types into the editor until a keystroke lands.
 * Returns milliseconds from the navigation's start (the page's time origin) to the moment the
 * typed character was seen in the editor (`ms`) and to the moment the editor was first seen
 * editable (`editable`), and the scripts the page loaded.
 */
async function firstKeystroke(context) {
  const link = await createRoom();
  const page = await context.newPage();
  const scripts = new Map();
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    const body = await response.body().catch(() => null);
    if (body) scripts.set(new URL(response.url()).pathname, body);
  });
  const navigation = page.goto(link, { waitUntil: "commit" });
  await navigation;
  const editor = page.locator("#editor .cm-content[contenteditable=true]");
  await editor.waitFor({ timeout: 30_000 });
  const editable = await page.evaluate(() => performance.now());
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error("no keystroke landed in the editor within 30 s");
    await editor.waitFor({ timeout: 30_000 });
    await editor.focus().catch(() => undefined);
    await page.keyboard.press(KEY);
    const seen = await page.evaluate((key) => {
      const content = document.querySelector("#editor .cm-content");
      return content?.textContent?.includes(key) ? performance.now() : null;
    }, KEY);
    if (seen !== null) {
      await page.close();
      return { ms: seen, editable, scripts };
    }
  }
}

const median = (values) => quantile(values, 0.5);
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
}
const seconds = (ms) => `${(ms / 1000).toFixed(3)} s`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const cold = [];
  const warm = [];
  const editable = { cold: [], warm: [] };
  let loaded = null;
  // One navigation to start the server's code paths and the browser's process pool, not counted.
  const first = await browser.newContext(VIEWPORT);
  await firstKeystroke(first);
  await first.close();
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext(VIEWPORT);
    const fresh = await firstKeystroke(context);
    cold.push(fresh.ms);
    editable.cold.push(fresh.editable);
    loaded ??= fresh.scripts;
    const again = await firstKeystroke(context);
    warm.push(again.ms);
    editable.warm.push(again.editable);
    await context.close();
  }
  const load = loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`page-load: ${BASE}, ${options.language} room, ${RUNS} navigations each (load average ${load})`);
  console.log("navigation start → first keystroke shown in the editor:");
  for (const [name, values] of [
    ["cold", cold],
    ["warm", warm],
  ]) {
    console.log(`  ${name}: median ${seconds(median(values))}, p90 ${seconds(quantile(values, 0.9))}, min ${seconds(Math.min(...values))}, max ${seconds(Math.max(...values))}`);
  }
  console.log(`  (the editor was editable at a median of ${seconds(median(editable.cold))} cold, ${seconds(median(editable.warm))} warm)`);
  console.log("JavaScript the room page loaded (gzipped):");
  let total = 0;
  for (const [path, body] of [...loaded].sort()) {
    const gzip = gzipSync(body).length;
    total += gzip;
    console.log(`  ${(gzip / 1024).toFixed(1).padStart(7)} KB  ${path}`);
  }
  console.log(`  ${(total / 1024).toFixed(1).padStart(7)} KB  total, ${loaded.size} files`);
} finally {
  await browser.close();
}
