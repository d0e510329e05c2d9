// The server's readiness probe is a bash script (an httpGet probe cannot send the metrics token
// without copying it into the pod spec), in a ConfigMap mounted into the server's container. This
// runs the script the rendered Deployment names, as the ConfigMap holds it, against an HTTP server
// that guards /readyz the way Coderoom does. (The server's MetricsTokenIT runs it against a real
// server.)
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { byComponent, named, renderAll } from "./render.mjs";

const TOKEN = "a-metrics-token-of-32-characters";

describe("the server's readiness probe", () => {
  let server;
  let port;
  let readyz = 200;
  before(async () => {
    server = createServer((request, response) => {
      const authorized = request.headers.authorization === `Bearer ${TOKEN}`;
      const status = request.url !== "/readyz" ? 404 : authorized ? readyz : 401;
      response.writeHead(status, { "content-type": "application/json" }).end('{"status":"x"}');
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = server.address().port;
  });
  after(() => server.close());

  /** The probe's command, with the script it names taken from the ConfigMap mounted there. */
  function probeCommand() {
    const objects = renderAll().get("small");
    const pod = byComponent(objects, "Deployment", "server").spec.template.spec;
    const [shell, script] = pod.containers[0].readinessProbe.exec.command;
    const mount = pod.containers[0].volumeMounts.find((m) => m.mountPath === dirname(script));
    assert.ok(mount, `nothing is mounted at ${dirname(script)}`);
    const volume = pod.volumes.find((v) => v.name === mount.name);
    const text = named(objects, "ConfigMap", volume.configMap.name).data[basename(script)];
    assert.ok(text, `${volume.configMap.name} has no ${basename(script)}`);
    const file = join(folder, basename(script));
    writeFileSync(file, text);
    return [shell, file];
  }

  let folder;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), "coderoom-probe-"));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const probe = (token) => {
    const [command, ...args] = probeCommand();
    return new Promise((resolve) => {
      execFile(command, args, { env: { PATH: process.env.PATH, CODEROOM_PORT: String(port), CODEROOM_METRICS_TOKEN: token }, timeout: 5000 }, (error) =>
        resolve(error ? (error.code ?? "killed") : 0),
      );
    });
  };

  it("passes when /readyz answers 200 to the token", async () => {
    readyz = 200;
    assert.equal(await probe(TOKEN), 0);
  });

  it("fails when a dependency is down (503)", async () => {
    readyz = 503;
    assert.notEqual(await probe(TOKEN), 0);
  });

  it("fails without the right token (401)", async () => {
    readyz = 200;
    assert.notEqual(await probe("another-token-of-32-characters!!"), 0);
  });

  it("fails when nothing listens", async () => {
    const closed = port;
    port = 1; // privileged and unused: refused at once
    try {
      assert.notEqual(await probe(TOKEN), 0);
    } finally {
      port = closed;
    }
  });
});
