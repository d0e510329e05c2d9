// Fails with the error of the first write that does not fit.
const fs = require("fs");
const target = fs.readFileSync(0, "utf8").split("\n")[0].trim();
const chunk = Buffer.alloc(1000000, 120);
for (let n = 0; ; n++) {
  const fd = fs.openSync(`${target}/fill-${n}`, "w");
  for (let i = 0; i < 8; i++) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}
