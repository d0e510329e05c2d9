// One interview driven through a load balancer, as `./coderoom compose check` runs it against the
// compose deployment (deploy/dev/compose.sh):
//   CODEROOM_BASE_URL  the load balancer's TLS address (https://localhost:8443)
//   CODEROOM_API_KEY   the key that creates rooms
//   NODE_EXTRA_CA_CERTS  the deployment's self-signed certificate, so TLS is verified, not skipped
//   CHECK_PLACEMENT    optional: the servers the interviewer, the candidate and the observer should
//                      land on (server-1,server-2,server-1), each with both of their sockets
//   CHECK_RESULTS      optional: a file each expectation is appended to ("ok|fail<TAB>what<TAB>why"),
//                      from which the check writes its JUnit report
// It creates a room with the API key; an interviewer, a candidate and an observer join it, each
// with the stock y-websocket client on the code document and a control socket; the candidate
// types, the others must see it; the interviewer adds a line and runs the code, all three must see
// that line's output and the result; the interviewer ends the room, all three must be told. Each client's sockets print the
// server that took them (HAProxy's X-Coderoom-Server header). Every expectation is reported, and a
// client on another server than the one it waits on is marked "across servers". Exit status 1 when
// any expectation failed.
import assert from "node:assert/strict";
import { appendFileSync } from "node:fs";
import https from "node:https";
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { controlSocket } from "../support/control.mjs";
import { RUN_WAIT, WAIT } from "../support/waits.mjs";

const BASE = required("CODEROOM_BASE_URL").replace(/\/$/, "");
const API_KEY = required("CODEROOM_API_KEY");
const PLACEMENT = (process.env.CHECK_PLACEMENT ?? "").split(",").filter(Boolean);
const MARKER = `compose-check-${Math.random().toString(36).slice(2, 10)}`;

const results = [];
const say = (line) => console.log(`    ${line}`);

/** Notes an expectation's outcome, and appends it to CHECK_RESULTS when that is set. */
function record(what, ok, why = "") {
  results.push({ what, ok });
  say(`${ok ? "ok   " : "FAIL "} ${what}${why ? `: ${why}` : ""}`);
  const file = process.env.CHECK_RESULTS;
  const field = (text) => String(text).replace(/[\t\n]/g, " ");
  if (file) appendFileSync(file, `${ok ? "ok" : "fail"}\t${field(what)}\t${field(why)}\n`);
}

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (./coderoom compose check sets it)`);
  return value;
}

/** Records one expectation: waits for `happened` (a promise) at most `timeout` ms. */
async function expect(what, happened, timeout) {
  let timer;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`not within ${timeout / 1000} s`)), timeout)));
  try {
    await Promise.race([happened, late]);
    record(what, true);
  } catch (error) {
    record(what, false, error.message);
  } finally {
    clearTimeout(timer);
  }
}

/** A WebSocket class for y-websocket that notes the server a load balancer gave the socket. */
function socketNotingServer(onServer) {
  return class extends WebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      this.once("upgrade", (response) => onServer(response.headers["x-coderoom-server"] ?? "?"));
    }
  };
}

/** GET /healthz on a connection of its own: the name of the server the balancer picked. */
function probe() {
  return new Promise((resolve, reject) => {
    https
      .get(`${BASE}/healthz`, { agent: false }, (response) => {
        response.resume();
        resolve(response.headers["x-coderoom-server"]);
      })
      .on("error", reject);
  });
}

/**
 * Round robin over two servers alternates: once a probe is answered by the other server, the next
 * connection goes to `server`. Only where this script is HAProxy's one client, and the sockets
 * print where they really landed.
 */
async function placeNextOn(server) {
  for (let i = 0; i < 4 && (await probe()) === server; i++);
}

async function join(role, link, server) {
  const url = new URL(link);
  const token = new URLSearchParams(url.hash.slice(1)).get("token");
  const roomId = url.pathname.split("/").pop();
  const doc = new Y.Doc();
  const client = { role, doc, text: doc.getText("codemirror"), codeServer: "?" };
  if (server) await placeNextOn(server);
  client.provider = new WebsocketProvider(`${url.origin.replace(/^http/, "ws")}/ws/rooms/${roomId}`, "code", doc, {
    WebSocketPolyfill: socketNotingServer((server) => (client.codeServer = server)),
    params: { token, name: `compose check ${role}` },
    disableBc: true,
  });
  await new Promise((resolve) => client.provider.on("status", ({ status }) => status === "connected" && resolve()));
  if (server) await placeNextOn(server);
  client.control = await controlSocket(link);
  await client.control.next((event) => event.type === "welcome");
  await new Promise((resolve) => (client.provider.synced ? resolve() : client.provider.once("sync", resolve)));
  return client;
}

/** Resolves when the client's code document contains `text`. */
function sees(client, text) {
  return new Promise((resolve) => {
    const look = () => client.text.toString().includes(text) && (client.text.unobserve(look), resolve());
    client.text.observe(look);
    look();
  });
}

const across = (a, b) => (a === b ? "" : " (across servers)");

async function main() {
  const health = await fetch(`${BASE}/healthz`);
  assert.equal(health.status, 200, "GET /healthz through the load balancer");
  say(`TLS to ${BASE} verified; /healthz answered by ${health.headers.get("x-coderoom-server")}`);

  const created = await fetch(`${BASE}/api/rooms`, {
    method: "POST",
    headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ title: `Compose check ${MARKER}`, language: "python" }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const room = await created.json();
  const links = Object.fromEntries(Object.entries(room.links).map(([role, link]) => [role, link.url]));
  say(`room ${room.id} created (by ${created.headers.get("x-coderoom-server")})`);
  // The candidate agrees to the recording notice, as on the page.
  const candidateToken = new URLSearchParams(new URL(links.candidate).hash.slice(1)).get("token");
  const consent = await fetch(`${BASE}/api/rooms/${room.id}/consent`, {
    method: "POST",
    headers: { authorization: `Bearer ${candidateToken}`, "content-type": "application/json" },
    body: "{}",
  });
  assert.equal(consent.status, 200, await consent.clone().text());

  const clients = [];
  for (const [i, role] of ["interviewer", "candidate", "observer"].entries()) clients.push(await join(role, links[role], PLACEMENT[i]));
  for (const client of clients) say(`${client.role.padEnd(11)} code socket on ${client.codeServer}, control socket on ${client.control.server}`);
  const [interviewer, candidate, observer] = clients;

  // The candidate types; the interviewer and the observer see it.
  const line = `print("${MARKER}")\n`;
  candidate.text.insert(candidate.text.length, line);
  await Promise.all(
    [interviewer, observer].map((client) =>
      expect(`the ${client.role} sees the candidate's edit${across(client.codeServer, candidate.codeServer)}`, sees(client, line), WAIT.timeout),
    ),
  );

  // The interviewer adds a line of their own and runs the room's code; everyone sees the output of
  // that line and the run's result (the candidate's line is the edits' test, this one the run's).
  const runLine = `print("${MARKER}-run")\n`;
  interviewer.text.insert(interviewer.text.length, runLine);
  // The code socket and the control socket are two connections: the line must have reached the
  // interviewer's server before the run reads the code there, as another client seeing it shows.
  const seen = Promise.any([candidate, observer].map((client) => sees(client, runLine)));
  await Promise.race([seen, new Promise((resolve) => setTimeout(resolve, WAIT.timeout))]);
  const from = clients.map((client) => client.control.count);
  interviewer.control.send({ type: "run" });
  const runner = interviewer.control.server;
  interviewer.control
    .next((e) => e.type === "run_finished", from[0], RUN_WAIT.timeout)
    .then((e) => say(`run ${e.runId}: ${e.status} in ${e.runMs} ms, peak memory ${e.memoryBytes < 0 ? "unknown" : `${Math.round(e.memoryBytes / 1024)} KiB`}`))
    .catch(() => {});
  await Promise.all(
    clients.map(async (client, i) => {
      const output = client.control.next((e) => (e.type === "run_output" && e.data.includes(`${MARKER}-run`)) || e.type === "error", from[i], RUN_WAIT.timeout);
      const finished = client.control.next((e) => e.type === "run_finished", from[i], RUN_WAIT.timeout);
      await Promise.all([
        expect(
          `the ${client.role} sees the run's output${across(client.control.server, runner)}`,
          output.then((e) => assert.equal(e.type, "run_output", `${e.code}: ${e.message}`)),
          RUN_WAIT.timeout,
        ),
        expect(
          `the ${client.role} sees the run finish ok${across(client.control.server, runner)}`,
          finished.then((e) => assert.equal(e.status, "ok", e.message)),
          RUN_WAIT.timeout,
        ),
      ]);
    }),
  );

  // The interviewer ends the room; everyone is told.
  const before = clients.map((client) => client.control.count);
  interviewer.control.send({ type: "end" });
  await Promise.all(
    clients.map((client, i) =>
      expect(
        `the ${client.role} is told the room ended${across(client.control.server, interviewer.control.server)}`,
        client.control.next((e) => e.type === "room_ended", before[i]),
        WAIT.timeout,
      ),
    ),
  );
  for (const client of clients) {
    client.provider.destroy();
    client.control.close();
  }
  const failed = results.filter((r) => !r.ok).length;
  say(`${results.length - failed} of ${results.length} expectations met`);
  return failed === 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    record("the interview runs to its end", false, error.message);
    process.exit(1);
  },
);
