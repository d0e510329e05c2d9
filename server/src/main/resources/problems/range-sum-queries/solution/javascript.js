const fs = require("fs");

// Reads the next integer from the raw bytes, skipping whitespace; values fit in a double exactly.
const data = fs.readFileSync(0);
let pos = 0;
function nextInt() {
  while (data[pos] === 32 || data[pos] === 10 || data[pos] === 13 || data[pos] === 9) pos++;
  let negative = false;
  if (data[pos] === 45) {
    negative = true;
    pos++;
  }
  let value = 0;
  while (pos < data.length && data[pos] >= 48 && data[pos] <= 57) {
    value = value * 10 + (data[pos] - 48);
    pos++;
  }
  return negative ? -value : value;
}

const n = nextInt();
// prefix[i] is the sum of the first i numbers; sums stay below 2^53, so doubles are exact.
const prefix = new Float64Array(n + 1);
for (let i = 0; i < n; i++) {
  prefix[i + 1] = prefix[i] + nextInt();
}
const q = nextInt();
const out = new Array(q);
for (let k = 0; k < q; k++) {
  const l = nextInt();
  const r = nextInt();
  out[k] = prefix[r] - prefix[l - 1];
}
process.stdout.write(out.join("\n") + "\n");
