// Another site's page, in the signed-in interviewer's browser, cannot act with their cookie: its
// writes are refused (the session survives, no room appears) and its sockets do not open, even with
// a valid room token. The other page is a second origin on loopback: another port of the server's
// host, which is the same site for the cookie's SameSite=Lax, so the browser does send the cookie
// and only the server's Origin check stands between.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { BASE, WAIT } from "./support/env.mjs";
import { scenario } from "./support/scenario.mjs";
import { createRoom } from "./support/rooms.mjs";
import { signUp } from "./support/accounts.mjs";

const PLANTED = "Planted by another site";

/** A page that tries, from its own origin, what a malicious page would. */
function attackerPage(target, roomId, token) {
  const attack = `
    const target = ${JSON.stringify(target)};
    const results = {};
    const write = (path, body) =>
      fetch(target + path, { method: "POST", mode: "no-cors", credentials: "include",
        headers: { "content-type": "text/plain" }, body }).then(() => "sent", (e) => "failed: " + e);
    results.createRoom = await write("/api/rooms", JSON.stringify({ title: ${JSON.stringify(PLANTED)}, language: "python" }));
    results.signOutEverywhere = await write("/api/auth/signout-everywhere", "{}");
    results.socket = await new Promise((resolve) => {
      const socket = new WebSocket(target.replace("http", "ws") + "/ws/rooms/${roomId}/control?token=${token}");
      socket.onopen = () => { resolve("opened"); socket.close(); };
      socket.onclose = (event) => resolve("closed " + event.code);
    });
    window.results = results;`;
  return `<!doctype html><title>elsewhere</title><script type="module">${attack}</script>`;
}

async function serve(html) {
  const server = createServer((request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(html);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  // The server's own host name (another port of it is another origin but the same site).
  return { server, url: `http://${new URL(BASE).hostname}:${server.address().port}/` };
}

test("a page of another origin cannot write or open sockets with the interviewer's cookie", scenario(async ({ open }) => {
  const page = await signUp(open);
  const room = await createRoom({ title: "Cross-origin target" });
  const token = new URL(room.links.observer).hash.slice("#token=".length);
  const attacker = await serve(attackerPage(BASE, room.id, encodeURIComponent(token)));
  try {
    // The attacker's page opens in the interviewer's own browser context, cookie and all.
    const evil = await page.context().newPage();
    await evil.goto(attacker.url);
    const results = await evil.waitForFunction(() => window.results, null, WAIT).then((r) => r.jsonValue());
    assert.equal(results.createRoom, "sent", "the browser sent the write (no-cors hides the answer)");
    assert.equal(results.socket, "closed 1006", "the socket from another origin never opened");

    // The session survived "sign out everywhere", and no room was made in the interviewer's name.
    const session = await page.evaluate(() => fetch("/api/auth/session").then((r) => r.status));
    assert.equal(session, 200);
    const rooms = await page.evaluate(() => fetch("/api/rooms").then(async (r) => [r.status, await r.text()]));
    assert.equal(rooms[0], 200, rooms[1]);
    assert.ok(!rooms[1].includes("Planted by another site"), rooms[1]);

    // The same token opens a socket from the server's own page.
    const own = await page.evaluate(
      (url) =>
        new Promise((resolve) => {
          const socket = new WebSocket(url);
          socket.onopen = () => { resolve("opened"); socket.close(); };
          socket.onclose = (event) => resolve("closed " + event.code);
        }),
      `${BASE.replace("http", "ws")}/ws/rooms/${room.id}/control?token=${encodeURIComponent(token)}`,
    );
    assert.equal(own, "opened");
    await evil.close();
  } finally {
    attacker.server.close();
  }
}));
