// Coderoom function-mode harness (JavaScript and TypeScript). See
// io.coderoom.runner.agent.harness.Harness.
"use strict";
const coderoomRun = (() => {
  const fs = require("fs");
  const nonce = fs.readFileSync("/tmp/.coderoom-nonce", "utf8").trim();
  fs.unlinkSync("/tmp/.coderoom-nonce");
  const cases = JSON.parse(fs.readFileSync("/code/tests.json", "utf8"));
  const writeSync = fs.writeSync;
  return () => {
    // The candidate's code loads only now, after the nonce is gone from the file system.
    const fn = require("__SOLUTION__").__coderoom;
    cases.forEach((args, i) => {
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
    });
  };
})();
coderoomRun();
