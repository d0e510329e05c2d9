// A room's control socket spoken to directly (server/CONTROL-PROTOCOL.md), for what a scenario
// needs done in the room without a page: runs to fill the room's run limit, say.
import WebSocket from "ws";
import { WAIT } from "./waits.mjs";

/** Opens the control socket of the room this link is for, with the link's token. */
export async function controlSocket(link) {
  const url = new URL(link);
  const token = new URLSearchParams(url.hash.slice(1)).get("token");
  const socket = new WebSocket(`${url.origin.replace(/^http/, "ws")}${url.pathname.replace(/^\/rooms\//, "/ws/rooms/")}/control?token=${encodeURIComponent(token)}`);
  const events = [];
  const waiters = new Set();
  // The server that took the socket, where a load balancer in front names it (X-Coderoom-Server).
  let server = null;
  socket.once("upgrade", (response) => (server = response.headers["x-coderoom-server"] ?? null));
  socket.on("message", (data) => {
    const event = JSON.parse(String(data));
    events.push(event);
    for (const waiter of waiters) waiter();
  });
  await new Promise((resolve, reject) => (socket.once("open", resolve), socket.once("error", reject)));
  return {
    send: (command) => socket.send(JSON.stringify({ v: 1, ...command })),
    /** The first event since `from` (an index into the events) that matches, waiting for it. */
    next(matches, from = 0, timeout = WAIT.timeout) {
      return new Promise((resolve, reject) => {
        const look = () => {
          const found = events.slice(from).find(matches);
          if (found) {
            waiters.delete(look);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => (waiters.delete(look), reject(new Error("no such control event in time"))), timeout);
        waiters.add(look);
        look();
      });
    },
    get count() {
      return events.length;
    },
    get server() {
      return server;
    },
    close: () => socket.close(1000),
  };
}

/**
 * Starts `n` runs of the room's code one after another, stopping each as soon as it has started,
 * so the room's run limit counts them without waiting for programs to finish.
 */
export async function startAndStopRuns(link, n) {
  const control = await controlSocket(link);
  try {
    const you = (await control.next((e) => e.type === "welcome")).you.id;
    for (let i = 0; i < n; i++) {
      const from = control.count;
      control.send({ type: "run" });
      const started = await control.next((e) => (e.type === "run_started" && e.by === you) || e.type === "error", from);
      if (started.type === "error") throw new Error(`run ${i + 1} of ${n} refused: ${started.code} ${started.message}`);
      control.send({ type: "stop", runId: started.runId });
      await control.next((e) => e.type === "run_finished" && e.runId === started.runId, from);
    }
  } finally {
    control.close();
  }
}
