/**
 * The room's control socket (server/CONTROL-PROTOCOL.md): JSON events in, commands out, typed by
 * protocol.ts (generated from the server's records). It reconnects with backoff after a drop and
 * gives up only on closes that mean the link is done (FATAL_CLOSE_CODES), which it reports as fatal.
 */
import { CloseCode, COMMAND_PERMISSION, FATAL_CLOSE_CODES, ROLE_PERMISSIONS, type ControlCommand, type ControlEvent, type WireParticipant } from "./protocol";
import { ServerClock } from "./serverClock";

export type { ControlCommand, ControlEvent } from "./protocol";

/** Someone in the room; `color` indexes the palette (remoteCursors.ts) of chip and cursors. */
export type Participant = WireParticipant;

/** Whether a role may send a command (the permissions the server checks, as protocol.ts has them). */
export function mayCommand(role: Participant["role"], command: ControlCommand["type"]): boolean {
  return ROLE_PERMISSIONS[role].includes(COMMAND_PERMISSION[command]);
}

export type Connection = "connecting" | "connected" | "reconnecting";

export interface ControlHandlers {
  event(event: ControlEvent): void;
  connection(state: Connection): void;
  fatal(code: number, reason: string): void;
}

/** Close codes after which reconnecting cannot help. */
export const FATAL_CODES = FATAL_CLOSE_CODES;

export class ControlSocket {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private closed = false;
  private retryTimer: number | undefined;
  private pingTimer: number | undefined;
  /** When the ping now unanswered was sent (performance.now()), if one is. */
  private pingSentAt: number | null = null;
  /** The server's time as this page measures it (from the welcome, then from each pong). */
  readonly serverClock = new ServerClock();

  constructor(
    private readonly url: string,
    private readonly handlers: ControlHandlers,
  ) {
    this.connect();
    // A browser coming back online should not wait out the backoff.
    window.addEventListener("online", () => this.retryNow());
  }

  send(command: ControlCommand): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify({ v: 1, ...command }));
    return true;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.socket?.close(CloseCode.NORMAL);
  }

  private ping(): void {
    if (this.send({ type: "ping" })) this.pingSentAt = performance.now();
  }

  /** Takes the server's time from the events that carry it as they are sent. */
  private measure(event: ControlEvent): void {
    const now = performance.now();
    if (event.type === "welcome" && typeof event.serverTime === "number") {
      this.serverClock.sample(event.serverTime, now, now);
      // The welcome's time says nothing of how long it took to arrive (a busy page reads it late):
      // a round trip at once puts everyone's clock on the same second from the start.
      this.ping();
    } else if (event.type === "pong" && this.pingSentAt !== null) {
      this.serverClock.sample(event.serverTime, this.pingSentAt, now);
      this.pingSentAt = null;
    }
  }

  private retryNow(): void {
    if (this.closed || this.socket) return;
    clearTimeout(this.retryTimer);
    this.connect();
  }

  private connect(): void {
    this.handlers.connection(this.attempt === 0 ? "connecting" : "reconnecting");
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.handlers.connection("connected");
      clearInterval(this.pingTimer);
      this.pingSentAt = null;
      this.pingTimer = window.setInterval(() => this.ping(), 20_000);
    };
    socket.onmessage = (message) => {
      if (typeof message.data !== "string") return;
      try {
        // The server writes only ControlEvents (ControlCodec); one newer than this page is ignored
        // by the handler's switch.
        const event = JSON.parse(message.data) as ControlEvent;
        if (!event || typeof event.type !== "string") return;
        this.measure(event);
        this.handlers.event(event);
      } catch {
        // Not JSON: nothing this page can act on.
      }
    };
    socket.onclose = (close) => {
      clearInterval(this.pingTimer);
      this.socket = null;
      if (this.closed) return;
      if (FATAL_CODES.has(close.code)) {
        this.closed = true;
        this.handlers.fatal(close.code, close.reason);
        return;
      }
      this.attempt++;
      this.handlers.connection("reconnecting");
      // 0.5 s, 1 s, 2 s … up to 10 s, with jitter so a room does not reconnect in lockstep.
      const delay = Math.min(10_000, 500 * 2 ** Math.min(this.attempt - 1, 5)) * (0.75 + Math.random() / 2);
      this.retryTimer = window.setTimeout(() => this.connect(), delay);
    };
  }
}
