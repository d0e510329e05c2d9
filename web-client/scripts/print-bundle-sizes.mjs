// Prints each built file's size, raw and gzipped, so every build shows what users download.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const dist = new URL("../dist/", import.meta.url).pathname;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
let total = 0;
let totalGzip = 0;
console.log("bundle sizes (raw, gzip):");
for (const path of [...files(dist)].sort()) {
  const bytes = readFileSync(path);
  const gzip = gzipSync(bytes).length;
  total += bytes.length;
  totalGzip += gzip;
  console.log(`${kb(bytes.length)} ${kb(gzip)}  ${relative(dist, path)}`);
}
console.log(`${kb(total)} ${kb(totalGzip)}  total`);
