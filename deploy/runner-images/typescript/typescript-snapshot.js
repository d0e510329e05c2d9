// Builds the V8 startup snapshot the TypeScript runner's type checker starts from, when the image is
// built (by this image's node, which is the only one that can read it):
//   node --snapshot-blob /opt/coderoom/typescript.blob --build-snapshot typescript-snapshot.js
// Loading the compiler and parsing and binding the standard library and Node's types take about
// 1.5 s of one CPU per check; a process started with --snapshot-blob has them in its heap at once.
// The checker (typescript-check.js, which the runner agent writes to /code) finds them in
// globalThis.coderoomTypeScript, and reuses the parsed files only if its compiler options are these.
"use strict";
const fs = require("fs");
const vm = require("vm");

// A user-land snapshot runs one script with built-in modules only, so the compiler (a single
// CommonJS file) is evaluated here as a module of its own.
function load(file) {
  const source = fs.readFileSync(file, "utf8");
  const wrapper = vm.runInThisContext(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: file },
  );
  const module = { exports: {} };
  wrapper(module.exports, require, module, file, file.slice(0, file.lastIndexOf("/")));
  return module.exports;
}

const ts = load("/opt/typescript/lib/typescript.js");

// The checker's options (typescript-check.js): keep the two the same, or the checker parses the
// library files again.
const options = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  strict: true,
  lib: ["lib.es2022.d.ts"],
  types: ["node"],
  typeRoots: ["/usr/share/nodejs/@types"],
  skipLibCheck: true,
  noEmitOnError: true,
};

function optionsKey(o) {
  return JSON.stringify(Object.keys(o).sort().map((k) => [k, o[k]]));
}

// Checking and emitting a small program parses and binds every library file a program needs.
const sample = "/tmp/coderoom-snapshot-sample.ts";
fs.writeFileSync(
  sample,
  'import * as fs from "fs";\nconst s: string = fs.readFileSync(0, "utf8");\nconsole.log(`${s.trim()}`);\n',
);
const host = ts.createCompilerHost(options);
const program = ts.createProgram([sample], options, host);
const errors = ts.getPreEmitDiagnostics(program);
if (errors.length > 0) {
  throw new Error(`the sample does not check: ${ts.flattenDiagnosticMessageText(errors[0].messageText, "\n")}`);
}
program.emit(program.getSourceFile(sample), () => {});
fs.unlinkSync(sample);

const files = new Map();
for (const file of program.getSourceFiles()) {
  if (file.fileName !== sample) files.set(file.fileName, file);
}

globalThis.coderoomTypeScript = { ts, optionsKey: optionsKey(options), files, program };
