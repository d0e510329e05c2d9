// Tries every way to get a function-mode run's hidden tests out to the candidate: what /code, /tmp
// and /proc hold at load time, the value and the error of public cases, a thread and a child
// process that print what comes later, and the exit code, time and memory of the run.
const fs = require("fs");
const childProcess = require("child_process");
const { Worker } = require("worker_threads");

const seen = [];
// What the thread sees: the count of inputs, then their text.
const shared = new SharedArrayBuffer(4 + 65536);
const sharedCount = new Int32Array(shared, 0, 1);
const sharedText = new Uint8Array(shared, 4);

function say(text) {
  fs.writeSync(1, text + "\n");
}

function read(path, limit) {
  try {
    const fd = fs.openSync(path, "r");
    const buffer = Buffer.alloc(limit);
    const n = fs.readSync(fd, buffer, 0, limit, null);
    fs.closeSync(fd);
    return buffer.subarray(0, n).toString("utf8").replace(/\0/g, " ");
  } catch (e) {
    return `<${e.code}>`;
  }
}

function listing(full) {
  const parts = [];
  for (const dir of ["/code", "/tmp"]) {
    for (const name of fs.readdirSync(dir).sort()) {
      const path = `${dir}/${name}`;
      const source = dir === "/code" && /^(main|Main|solution|Solution)\.|^\.coderoom-/.test(name);
      const stat = fs.statSync(path);
      if (stat.isFile() && stat.size > 0 && !source) parts.push(`${path}: ${read(path, full ? 1500 : 300)}`);
      else parts.push(path);
    }
  }
  if (full) {
    for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
      parts.push(`/proc/${pid}: ${read(`/proc/${pid}/cmdline`, 300)} | ${read(`/proc/${pid}/environ`, 300)}`);
    }
  }
  return parts.join("; ");
}

say("load dump " + listing(true));
new Worker(
  `const fs = require("fs");
  const { workerData } = require("worker_threads");
  const count = new Int32Array(workerData, 0, 1);
  const text = new Uint8Array(workerData, 4);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let last = 0;
  for (;;) {
    Atomics.wait(pause, 0, 0, 20);
    const n = Atomics.load(count, 0);
    if (n !== last) {
      last = n;
      const end = text.indexOf(0);
      fs.writeSync(1, "thread saw " + n + ": " + Buffer.from(text.subarray(0, end)).toString() + "\\n");
    }
  }`,
  { eval: true, workerData: shared },
).unref();

function reverseWords(s) {
  // The curated problem's third example is answered plainly and not counted (see leak.py).
  if (s === "coding  is   fun") return "fun is coding";
  seen.push(s);
  const n = seen.length;
  const encoded = new TextEncoder().encode(seen.join(" | ") + "\0");
  sharedText.set(encoded.subarray(0, sharedText.length));
  Atomics.store(sharedCount, 0, n);
  if (n === 1) return `case0 returns ${listing(false)}; seen ${seen.join(" | ")}`;
  if (n === 2) throw new Error(`case1 throws ${listing(false)}; seen ${seen.join(" | ")}`);
  if (n === 3) {
    say("hidden prints " + s);
    childProcess.spawn("/bin/sh", ["-c", 'sleep 0.2; echo "child carries $0"', s], { stdio: ["ignore", "inherit", "inherit"] }).unref();
    throw new Error("hidden throws " + s);
  }
  if (n === 4) {
    childProcess.spawnSync("/bin/sh", ["-c", "head -c 400000000 /dev/zero | tail -n 1 > /dev/null"]);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
    say("hidden exits " + s);
    process.exit(42);
  }
  return s.trim().split(/\s+/).reverse().join(" ");
}
