// Compiles one TypeScript file to CommonJS for the runner: transpileModule (no type checking,
// about ten times faster than a full tsc program) plus the syntax errors, reported like tsc does.
// Usage: node transpile.js IN.ts OUT.js ; exit status 1 with diagnostics on stderr on errors.
"use strict";
const fs = require("fs");
const ts = require("/opt/typescript");
const [input, output] = process.argv.slice(2);
const source = fs.readFileSync(input, "utf8");
const result = ts.transpileModule(source, {
  fileName: input,
  reportDiagnostics: true,
  compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true },
});
const errors = (result.diagnostics || []).filter((d) => d.category === ts.DiagnosticCategory.Error);
if (errors.length > 0) {
  for (const d of errors) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (d.file && d.start !== undefined) {
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      process.stderr.write(`${input}(${line + 1},${character + 1}): error TS${d.code}: ${text}\n`);
    } else {
      process.stderr.write(`error TS${d.code}: ${text}\n`);
    }
  }
  process.exit(1);
}
fs.writeFileSync(output, result.outputText);
