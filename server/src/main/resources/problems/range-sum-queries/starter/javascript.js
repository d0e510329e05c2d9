const fs = require("fs");

function main() {
  const tokens = fs.readFileSync(0, "utf8").split(/\s+/).filter((t) => t.length > 0);
  // tokens holds every number of the input as text: n, the n values, q, then q pairs l r.
  // Print one line per query with the sum of a[l..r].
  process.stdout.write("0\n");
}

main();
