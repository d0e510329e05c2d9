// Type-checks one TypeScript file and compiles it to CommonJS, reporting errors as tsc does
// (exit status 1, diagnostics on stderr). A full check parses the standard library and Node's
// types (about 1.5 s of one CPU). Images that have it start this from a V8 snapshot
// (node --snapshot-blob /opt/coderoom/typescript.blob, built with the image by
// typescript-snapshot.js) that holds the compiler and those files parsed and bound, so a check takes
// a few hundred milliseconds; without one it loads them itself. A warm container also runs this
// with --serve DIR when it starts, before any candidate code is in it: it loads everything ahead,
// writes DIR/ready, then answers one request through the FIFO DIR/in ("IN\nOUT\n", then any
// declaration files checked with IN, one a line) with its exit
// status through the FIFO DIR/out and its diagnostics in DIR/diagnostics, and exits. Checking then
// takes tens of milliseconds.
//   node typescript-check.js IN.ts OUT.js [DECL.d.ts...]   check and compile at once (a cold container)
//   node typescript-check.js --serve DIR       the warm checker
"use strict";
const fs = require("fs");
// Set when this process started from the image's snapshot.
const preloaded = globalThis.coderoomTypeScript;
const ts = preloaded ? preloaded.ts : require("/opt/typescript");

// The snapshot builder (deploy/runner-images/typescript/typescript-snapshot.js) uses the same options.
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

// The snapshot's files were parsed with its own options: they serve only if these are the same.
const reuse = preloaded !== undefined && preloaded.optionsKey === optionsKey(options);

// Library files parsed once and reused by every program; the candidate's file never is.
const host = ts.createCompilerHost(options);
const libraries = new Map(reuse ? preloaded.files : []);
const read = host.getSourceFile;
host.getSourceFile = (name, version, onError, fresh) => {
  if (name.startsWith("/code/")) return read(name, version, onError, fresh);
  let file = libraries.get(name);
  if (!file) {
    file = read(name, version, onError, fresh);
    libraries.set(name, file);
  }
  return file;
};

let previous = reuse ? preloaded.program : undefined;

// Declaration files given after the output (the harness's globals) are checked with the input.
function compile(input, output, declarations = []) {
  const program = ts.createProgram([input, ...declarations], options, host, previous);
  previous = program;
  const file = program.getSourceFile(input);
  let diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  if (file) {
    diagnostics.push(...program.getSyntacticDiagnostics(file));
    if (diagnostics.length === 0) diagnostics.push(...program.getSemanticDiagnostics(file));
  }
  diagnostics = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (diagnostics.length > 0) return { status: 1, text: format(diagnostics) };
  let js;
  program.emit(file, (name, text) => {
    if (name.endsWith(".js")) js = text;
  });
  if (js === undefined) return { status: 1, text: `error: ${input} produced no JavaScript\n` };
  fs.writeFileSync(output, js);
  return { status: 0, text: "" };
}

function format(diagnostics) {
  return diagnostics
    .map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      if (d.file && d.start !== undefined) {
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        return `${d.file.fileName}(${line + 1},${character + 1}): error TS${d.code}: ${text}\n`;
      }
      return `error TS${d.code}: ${text}\n`;
    })
    .join("");
}

function serve(dir) {
  const warm = `${dir}/warm.ts`;
  fs.writeFileSync(warm, "const warm: number = 1;\n");
  previous = ts.createProgram([warm], options, host, previous);
  ts.getPreEmitDiagnostics(previous);
  // Loaded: the warmup that started this ends, and the container joins the warm pool.
  fs.writeFileSync(`${dir}/ready`, "");
  const [input, output, ...declarations] = fs
    .readFileSync(`${dir}/in`, "utf8")
    .split("\n")
    .filter((line) => line !== "");
  // One request only: a later compile in this container finds no FIFO and checks on its own.
  fs.unlinkSync(`${dir}/in`);
  let result;
  try {
    result = compile(input, output, declarations);
  } catch (e) {
    result = { status: 2, text: `error: the type checker failed: ${e}\n` };
  }
  fs.writeFileSync(`${dir}/diagnostics`, result.text);
  fs.writeFileSync(`${dir}/out`, String(result.status));
}

const args = process.argv.slice(2);
if (args[0] === "--serve") {
  serve(args[1]);
} else {
  const result = compile(args[0], args[1], args.slice(2));
  process.stderr.write(result.text);
  process.exit(result.status);
}
