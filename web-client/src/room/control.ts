/**
 * The room's control socket (server/CONTROL-PROTOCOL.md): JSON events in, commands out. It
 * reconnects with backoff after a drop and gives up only on closes that mean the link is done
 * (4401, 4403, 4404, 4410), which it reports as fatal.
 */
export interface Participant {
  id: string;
  role: "interviewer" | "candidate" | "observer";
  name: string;
  /** The participant's colour, an index into the palette (remoteCursors.ts), of chip and cursors. */
  color?: number;
  joinedAt: string;
}

export type ControlEvent = { type: string; [field: string]: unknown };

export type Connection = "connecting" | "connected" | "reconnecting";

export interface ControlHandlers {
  event(event: ControlEvent): void;
  connection(state: Connection): void;
  fatal(code: number, reason: string): void;
}

/** Close codes after which reconnecting cannot help. */
export const FATAL_CODES = new Set([4401, 4403, 4404, 4410]);

export class ControlSocket {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private closed = false;
  private retryTimer: number | undefined;
  private pingTimer: number | undefined;

  constructor(
    private readonly url: string,
    private readonly handlers: ControlHandlers,
  ) {
    this.connect();
    // A browser coming back online should not wait out the backoff.
    window.addEventListener("online", () => this.retryNow());
  }

  send(command: Record<string, unknown>): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify({ v: 1, ...command }));
    return true;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.socket?.close(1000);
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
      this.pingTimer = window.setInterval(() => this.send({ type: "ping" }), 20_000);
    };
    socket.onmessage = (message) => {
      if (typeof message.data !== "string") return;
      try {
        const event = JSON.parse(message.data) as ControlEvent;
        if (event && typeof event.type === "string") this.handlers.event(event);
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
