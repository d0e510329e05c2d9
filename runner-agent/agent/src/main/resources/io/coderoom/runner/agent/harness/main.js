// Coderoom function-mode harness (JavaScript and TypeScript). See
// io.coderoom.runner.agent.harness.Harness.
"use strict";
const coderoomRun = (() => {
  const fs = require("fs");
  const nonce = fs.readFileSync("/tmp/.coderoom-nonce", "utf8").trim();
  fs.unlinkSync("/tmp/.coderoom-nonce");
  const writeSync = fs.writeSync;
  const readSync = fs.readSync;
  const exit = process.exit.bind(process);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const chunk = Buffer.alloc(65536);
  // The current line's pieces read so far (none holds a newline), and what follows the last newline.
  const pieces = [];
  let rest = Buffer.alloc(0);
  // One case per line, [index, [arguments...]], each sent once the previous case has reported; an
  // empty line (or the end of stdin) ends the run.
  const readCase = () => {
    for (;;) {
      const newline = rest.indexOf(10);
      if (newline >= 0) {
        pieces.push(rest.subarray(0, newline));
        rest = rest.subarray(newline + 1);
        const line = Buffer.concat(pieces).toString("utf8");
        pieces.length = 0;
        return line;
      }
      pieces.push(rest);
      let n;
      try {
        n = readSync(0, chunk, 0, chunk.length, null);
      } catch (e) {
        // Non-blocking once anything touched process.stdin: wait a moment and read again.
        if (e.code === "EAGAIN") {
          rest = Buffer.alloc(0);
          Atomics.wait(pause, 0, 0, 2);
          continue;
        }
        if (e.code === "EOF") return "";
        throw e;
      }
      if (n === 0) return "";
      rest = Buffer.from(chunk.subarray(0, n));
    }
  };
  return () => {
    // The candidate's code loads only now, after the nonce is gone from the file system.
    const fn = require("__SOLUTION__").__coderoom;
    for (let line = readCase(); line.trim() !== ""; line = readCase()) {
      const [i, args] = JSON.parse(line);
      const started = process.hrtime.bigint();
      let status = "ok";
      let payload;
      try {
        if (typeof fn !== "function") {
          throw new Error("no function found: define it at the top level of your code");
        }
        const r = fn(...args);
        payload = JSON.stringify(r === undefined ? null : r);
      } catch (e) {
        status = "error";
        payload = JSON.stringify(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      writeSync(1, `\n\x1e${nonce}:${i}:${status}:${ms.toFixed(3)}:${payload}\n`);
    }
    // Every case has reported: timers the candidate's code left behind end here.
    exit(0);
  };
})();
coderoomRun();
