// Fails with the error of the first write that does not fit.
import * as fs from "fs";

const target: string = fs.readFileSync(0, "utf8").split("\n")[0].trim();
const chunk: string = "x".repeat(1000000);
for (let n = 0; ; n++) {
  const fd: number = fs.openSync(`${target}/fill-${n}`, "w");
  for (let i = 0; i < 8; i++) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}
