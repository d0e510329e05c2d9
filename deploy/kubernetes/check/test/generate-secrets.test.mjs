// generate-secrets.sh: what it writes, what it keeps, and that git never takes it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KUBERNETES, OVERLAYS, REPOSITORY } from "./render.mjs";

const parse = (file) =>
  Object.fromEntries(readFileSync(file, "utf8").trim().split("\n").map((line) => line.split(/=(.*)/s).slice(0, 2)));

describe("generate-secrets.sh", () => {
  const run = (dir, env = {}) =>
    execFileSync("bash", [join(KUBERNETES, "generate-secrets.sh"), dir], { env: { PATH: process.env.PATH, ...env } });

  it("writes every credential once, private, URL-safe, and keeps it on the next run", () => {
    const dir = mkdtempSync(join(tmpdir(), "coderoom-overlay-"));
    try {
      writeFileSync(join(dir, "kustomization.yaml"), "resources: []\n");
      run(dir, { CODEROOM_DB_PASSWORD: "managed-database-password" });
      const server = parse(join(dir, "secrets/server.env"));
      const runner = parse(join(dir, "secrets/runner.env"));
      assert.deepEqual(Object.keys(server), ["CODEROOM_API_KEY", "CODEROOM_TOKEN_KEYS", "CODEROOM_DB_PASSWORD"]);
      assert.deepEqual(Object.keys(runner), ["CODEROOM_REDIS_PASSWORD", "CODEROOM_METRICS_TOKEN"]);
      assert.equal(server.CODEROOM_DB_PASSWORD, "managed-database-password");
      assert.match(server.CODEROOM_API_KEY, /^[A-Za-z0-9]{32}$/);
      assert.match(runner.CODEROOM_REDIS_PASSWORD, /^[A-Za-z0-9]{32}$/, "safe inside redis://:PASSWORD@host");
      assert.match(runner.CODEROOM_METRICS_TOKEN, /^[A-Za-z0-9]{32}$/);
      const [kid, key] = server.CODEROOM_TOKEN_KEYS.split(":");
      assert.match(kid, /^k\d{8}$/);
      assert.equal(Buffer.from(key, "base64").length, 32);
      for (const file of ["server.env", "runner.env"]) {
        assert.equal(statSync(join(dir, "secrets", file)).mode & 0o777, 0o600);
      }
      run(dir);
      assert.deepEqual(parse(join(dir, "secrets/server.env")), server);
      assert.deepEqual(parse(join(dir, "secrets/runner.env")), runner);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes where git ignores it, in every overlay", () => {
    for (const overlay of OVERLAYS) {
      const file = join(KUBERNETES, "overlays", overlay, "secrets", "server.env");
      // git check-ignore exits 0 for an ignored path, whether or not it exists.
      execFileSync("git", ["-C", REPOSITORY, "check-ignore", "-q", "--no-index", file]);
    }
  });
});
