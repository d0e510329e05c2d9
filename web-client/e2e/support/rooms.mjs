// Rooms made through the REST API, each scenario its own, and the server's catalogue.
import assert from "node:assert/strict";
import { API_KEY, BASE, CONTROL } from "./env.mjs";

/**
 * Creates a room as the API key's holder and returns its id and its three links by role.
 * Without starterCode or problemId its code starts empty. Its candidate has already agreed to the
 * recording notice (dashboard.test.mjs shows the notice itself), so the link opens straight into
 * the room as before.
 */
export async function createRoom({ title, language = "python", starterCode, problemId } = {}) {
  const response = await fetch(`${BASE}/api/rooms`, {
    method: "POST",
    headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ title, language, starterCode, problemId }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  const room = await response.json();
  const links = Object.fromEntries(Object.entries(room.links).map(([role, link]) => [role, link.url]));
  await consent(room.id, links.candidate);
  return { id: room.id, links };
}

/** Agrees to the recording notice for a candidate link, as its candidate would on the page. */
export async function consent(roomId, url) {
  const token = new URLSearchParams(new URL(url).hash.slice(1)).get("token");
  const response = await fetch(`${BASE}/api/rooms/${roomId}/consent`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: "{}",
  });
  assert.equal(response.status, 200, await response.clone().text());
}

export async function getJson(path) {
  const response = await fetch(BASE + path);
  assert.equal(response.status, 200, path);
  return response.json();
}

/** Each language's template, by language id. */
export async function templates() {
  return Object.fromEntries((await getJson("/api/languages")).languages.map((l) => [l.id, l.template]));
}

/** A curated problem as the library shows anyone: starter code, examples, the hidden tests' count. */
export async function problem(id) {
  const found = await getJson(`/api/problems/${encodeURIComponent(id)}`);
  assert.equal(found.id, id, `the library has ${id}`);
  return found;
}

/** Stops (`stop`) or starts again (`start`) the server, on the same port. */
export async function serverControl(action) {
  const response = await fetch(`${CONTROL}/${action}`, { method: "POST" });
  assert.equal(response.status, 200, `${action}: ${await response.text()}`);
}
