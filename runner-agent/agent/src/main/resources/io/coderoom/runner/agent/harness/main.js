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
  const signature = __SIGNATURE__;
  class ListNode {
    constructor(val, next) {
      this.val = val === undefined ? 0 : val;
      this.next = next === undefined ? null : next;
    }
  }
  class TreeNode {
    constructor(val, left, right) {
      this.val = val === undefined ? 0 : val;
      this.left = left === undefined ? null : left;
      this.right = right === undefined ? null : right;
    }
  }
  // The most nodes a returned list or tree may have: a cycle would otherwise never end.
  const maxNodes = 10000000;
  // "K,V" split at the comma outside any <...>.
  const splitMap = (text) => {
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === "<") depth++;
      else if (text[i] === ">") depth--;
      else if (text[i] === "," && depth === 0) return [text.slice(0, i), text.slice(i + 1)];
    }
    throw new Error(`malformed map type ${text}`);
  };
  const toList = (values) => {
    let head = null;
    for (let i = values.length - 1; i >= 0; i--) head = new ListNode(values[i], head);
    return head;
  };
  const toTree = (values) => {
    if (values.length === 0 || values[0] === null) return null;
    const root = new TreeNode(values[0]);
    let level = [root];
    let i = 1;
    while (level.length > 0 && i < values.length) {
      const next = [];
      for (const node of level) {
        if (i < values.length && values[i] !== null) next.push((node.left = new TreeNode(values[i])));
        i++;
        if (i < values.length && values[i] !== null) next.push((node.right = new TreeNode(values[i])));
        i++;
      }
      level = next;
    }
    return root;
  };
  // A function turning a JSON value of the type into the value candidates expect.
  const same = (v) => v;
  const plainType = (text, special) => !special.some((t) => text.includes(t));
  const converter = (text) => {
    // JSON's own value already is the native one: large inputs are not copied.
    if (plainType(text, ["ListNode", "TreeNode", "map<"])) return same;
    if (text.endsWith("[]")) {
      const element = converter(text.slice(0, -2));
      return (v) => (v === null ? null : v.map(element));
    }
    if (text.startsWith("map<")) {
      const [k, val] = splitMap(text.slice(4, -1));
      const key = k === "int" || k === "long" ? Number : String;
      const value = converter(val);
      return (v) =>
        v === null ? null : new Map(Object.entries(v).map(([a, b]) => [key(a), value(b)]));
    }
    if (text === "ListNode") return toList;
    if (text === "TreeNode") return toTree;
    return (v) => v;
  };
  const isList = (v) => typeof v === "object" && "val" in v && "next" in v;
  const isTree = (v) => typeof v === "object" && "val" in v && "left" in v && "right" in v;
  // A returned value as JSON-ready data: lists and trees as arrays, maps as objects.
  const plain = (v) => {
    if (v === undefined || v === null) return null;
    if (typeof v !== "object") return typeof v === "bigint" ? Number(v) : v;
    if (Array.isArray(v)) return v.map(plain);
    if (v instanceof Map) {
      const object = {};
      for (const [a, b] of v) object[String(a)] = plain(b);
      return object;
    }
    if (v instanceof Set || ArrayBuffer.isView(v)) return Array.from(v, plain);
    if (isList(v)) {
      const out = [];
      for (let n = v; n !== null && n !== undefined; n = n.next) {
        if (out.length >= maxNodes) throw new Error(`the returned list has a cycle or more than ${maxNodes} nodes`);
        out.push(plain(n.val));
      }
      return out;
    }
    if (isTree(v)) {
      const out = [];
      const queue = [v];
      for (let k = 0; k < queue.length; k++) {
        const node = queue[k];
        if (node === null || node === undefined) {
          out.push(null);
          continue;
        }
        if (queue.length > 2 * maxNodes) throw new Error(`the returned tree has a cycle or more than ${maxNodes} nodes`);
        out.push(plain(node.val));
        queue.push(node.left, node.right);
      }
      while (out.length > 0 && out[out.length - 1] === null) out.pop();
      return out;
    }
    const object = {};
    for (const [a, b] of Object.entries(v)) object[a] = plain(b);
    return object;
  };
  // A function turning a returned value of the type into JSON-ready data.
  const outputter = (text) => {
    // JSON.stringify writes these as they are: large results are not copied.
    if (plainType(text, ["ListNode", "TreeNode", "map<", "void"])) return same;
    if (text === "void") return () => null;
    if (text.endsWith("[]")) {
      const element = outputter(text.slice(0, -2));
      return (v) => (v === null || v === undefined ? null : Array.from(v, element));
    }
    if (text.startsWith("map<")) {
      const value = outputter(splitMap(text.slice(4, -1))[1]);
      return (v) => {
        if (v === null || v === undefined) return null;
        const object = {};
        for (const [a, b] of v instanceof Map ? v : Object.entries(v)) object[String(a)] = value(b);
        return object;
      };
    }
    // null is the empty list or tree.
    if (text === "ListNode" || text === "TreeNode") return (v) => (v === null || v === undefined ? [] : plain(v));
    return plain;
  };
  const describe = (e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  return () => {
    // LeetCode's code uses these without declaring them.
    globalThis.ListNode = ListNode;
    globalThis.TreeNode = TreeNode;
    // The candidate's code loads only now, after the nonce is gone from the file system.
    const target = require("__SOLUTION__").__coderoom;
    let call;
    if (signature.kind === "design") {
      const build = signature.constructor.map(converter);
      const methods = new Map(
        Object.entries(signature.methods).map(([m, spec]) => [
          m,
          { params: spec.params.map(converter), output: outputter(spec.returns) },
        ]),
      );
      call = ([names, args]) => {
        if (typeof target !== "function") {
          throw new Error(`no class ${signature.name} found: declare it at the top level of your code`);
        }
        const results = [];
        let instance;
        for (let k = 0; k < names.length; k++) {
          const given = args[k];
          try {
            if (k === 0) {
              instance = new target(...given.map((a, j) => build[j](a)));
              results.push(null);
            } else {
              const method = methods.get(names[k]);
              const r = instance[names[k]](...given.map((a, j) => method.params[j](a)));
              results.push(method.output(r));
            }
          } catch (e) {
            throw new Error(`call ${k}, ${names[k]}(${JSON.stringify(given).slice(1, -1)}): ${describe(e)}`);
          }
        }
        return results;
      };
    } else {
      const params = signature.params.map(converter);
      const output = outputter(signature.returns);
      call = (args) => {
        if (typeof target !== "function") {
          throw new Error("no function found: define it at the top level of your code");
        }
        return output(target(...args.map((a, j) => params[j](a))));
      };
    }
    for (let line = readCase(); line.trim() !== ""; line = readCase()) {
      const [i, args] = JSON.parse(line);
      const started = process.hrtime.bigint();
      let status = "ok";
      let payload;
      try {
        const r = call(args);
        payload = JSON.stringify(r === undefined ? null : r);
      } catch (e) {
        status = "error";
        payload = JSON.stringify(signature.kind === "design" && e instanceof Error && e.message.startsWith("call ") ? e.message : describe(e));
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      writeSync(1, `\n\x1e${nonce}:${i}:${status}:${ms.toFixed(3)}:${payload}\n`);
    }
    // Every case has reported: timers the candidate's code left behind end here.
    exit(0);
  };
})();
coderoomRun();
