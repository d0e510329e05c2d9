// Playback benchmark: prints figures, asserts nothing. Run from web-client/ after `npm run build`:
//   npx vite-node bench/playback.ts [-- --updates 50000 --minutes 120 --seeks 300 --every 250]
// A two-hour session of 50,000 updates by three people, made from the automerge-paper trace; then
// the time to build the playback from the timeline's JSON, the time to seek to random moments
// (p50/p95/max) against replaying the log from the start for each, and the size of the offline file
// the server would export for the session (raw and gzip).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import * as Y from "yjs";
import { CODE_TEXT, PlaybackEngine, decodeBase64 } from "../src/playback/engine";
import type { Timeline } from "../src/playback/timeline";
import { loadTrace, sessionFromTrace } from "./session";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const UPDATES = option("updates", 50_000);
const MINUTES = option("minutes", 120);
const SEEKS = option("seeks", 300);
const NAIVE_SEEKS = option("naive-seeks", 30);
const EVERY = option("every", 250);

const ms = (x: number) => `${x.toFixed(1)} ms`;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const summary = (xs: number[]) => `p50 ${ms(percentile(xs, 0.5))}, p95 ${ms(percentile(xs, 0.95))}, max ${ms(Math.max(...xs))}`;

let seed = 2026;
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);

let t0 = performance.now();
const { timeline } = sessionFromTrace(loadTrace("automerge-paper"), { updates: UPDATES, durationMs: MINUTES * 60_000 });
const json = JSON.stringify(timeline);
console.log(`session: ${timeline.updates.length} updates by ${timeline.authors.length} people over ${MINUTES} min, timeline JSON ${(json.length / 1048576).toFixed(1)} MB (made in ${ms(performance.now() - t0)})`);

// Building: from the timeline's JSON text to a playback ready to seek (decode, replay once, checkpoints).
const builds: number[] = [];
let engine: PlaybackEngine | null = null;
for (let run = 0; run < 3; run++) {
  t0 = performance.now();
  engine = new PlaybackEngine(JSON.parse(json) as Timeline, { every: EVERY });
  builds.push(performance.now() - t0);
}
console.log(`build (JSON to ready, checkpoint every ${EVERY} updates): median ${ms(percentile(builds, 0.5))} of ${builds.map(ms).join(", ")}`);

const start = Date.parse(timeline.updates[0].at);
const end = Date.parse(timeline.updates[timeline.updates.length - 1].at);
const moment = () => start + random() * (end - start);

// Seeking as the page does: the moment to a log position, the document to it, its coloured runs.
const seeks: number[] = [];
let characters = 0;
for (let i = 0; i < SEEKS; i++) {
  const at = moment();
  t0 = performance.now();
  engine!.seek(engine!.countAt(at));
  characters += engine!.segments().reduce((n, s) => n + s.text.length, 0);
  seeks.push(performance.now() - t0);
}
console.log(`seek to ${SEEKS} random moments (with the coloured text): ${summary(seeks)}; ${seeks.filter((s) => s < 100).length}/${SEEKS} under 100 ms`);

// The naive way: replay the log from the start for each seek.
const naive: number[] = [];
const updates = timeline.updates.map((u) => decodeBase64(u.update));
for (let i = 0; i < NAIVE_SEEKS; i++) {
  const count = engine!.countAt(moment());
  t0 = performance.now();
  const doc = new Y.Doc();
  for (let u = 0; u < count; u++) Y.applyUpdate(doc, updates[u]);
  characters += doc.getText(CODE_TEXT).toString().length;
  naive.push(performance.now() - t0);
  doc.destroy();
}
console.log(`naive seek (replay from the start), ${NAIVE_SEEKS} random moments: ${summary(naive)}`);
console.log(`ratio naive/checkpointed: p50 ${(percentile(naive, 0.5) / percentile(seeks, 0.5)).toFixed(0)}x, p95 ${(percentile(naive, 0.95) / percentile(seeks, 0.95)).toFixed(0)}x`);
console.log(`(characters produced by the seeks, so none is skipped: ${characters})`);

// The offline file: the built viewer with the timeline in its data slot, as ExportPage fills it.
const template = resolve(process.cwd(), "dist/export/playback.html");
if (existsSync(template)) {
  const slot = '<script type="application/json" id="coderoom-timeline">null</script>';
  const html = readFileSync(template, "utf8");
  const file = Buffer.from(html.replace(slot, () => slot.replace("null", json.replace(/</g, "\\u003c"))), "utf8");
  console.log(`export file: ${(file.length / 1048576).toFixed(2)} MB raw, ${(gzipSync(file).length / 1048576).toFixed(2)} MB gzip (viewer ${(html.length / 1024).toFixed(0)} KB raw, ${(gzipSync(html).length / 1024).toFixed(0)} KB gzip)`);
} else {
  console.log("export file: build the web client first (npm run build) for dist/export/playback.html");
}
