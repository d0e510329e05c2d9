import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

/** An HTTP request the fixture server answered. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A socket a page opened to the fixture server, with what it sent. */
export interface SeenSocket {
  path: string;
  query: URLSearchParams;
  socket: WebSocket;
  /** Text frames received, parsed as JSON where they are; pings are answered and only counted. */
  received: unknown[];
  /** The pings received, each answered with a pong carrying the server's time, as the server does. */
  pings: number;
  /** Resolves with the close code once the page or the server closed it. */
  closed: Promise<number>;
}

type Reply = { status?: number; json?: unknown; text?: string };

/**
 * A real HTTP and WebSocket server on a free loopback port, at the test page's origin, answering
 * what each test sets per path: the pages' own fetch and WebSocket code runs unchanged against
 * it. Unknown paths answer 404 with the server's error shape.
 */
export class FixtureServer {
  readonly requests: SeenRequest[] = [];
  readonly sockets: SeenSocket[] = [];
  private readonly replies = new Map<string, Reply | ((request: SeenRequest) => Reply | Promise<Reply>)>();
  private readonly socketWaiters: (() => void)[] = [];
  /** Sync step 1s not answered yet, while `holdSync` holds them back. */
  private readonly syncs: (() => void)[] = [];
  /** Holds back the answers to the documents' sync step 1 until `answerSync()`. */
  holdSync = false;
  private readonly http: Server;
  private readonly ws: WebSocketServer;

  private constructor() {
    this.http = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", async () => {
        const seen = { method: request.method ?? "GET", path: request.url ?? "/", headers: request.headers, body };
        this.requests.push(seen);
        const route = this.replies.get(`${seen.method} ${seen.path.split("?")[0]}`) ?? this.replies.get(seen.path.split("?")[0]);
        const reply = await (typeof route === "function" ? route(seen) : (route ?? { status: 404, json: { error: "not_found", message: "No such path." } }));
        response.statusCode = reply.status ?? 200;
        if (reply.text !== undefined) {
          response.end(reply.text);
        } else {
          response.setHeader("content-type", "application/json");
          response.end(JSON.stringify(reply.json ?? {}));
        }
      });
    });
    this.ws = new WebSocketServer({ server: this.http });
    this.ws.on("connection", (socket, request) => {
      const url = new URL(request.url ?? "/", "http://fixture");
      let resolveClosed: (code: number) => void = () => undefined;
      const seen: SeenSocket = {
        path: url.pathname,
        query: url.searchParams,
        socket,
        received: [],
        pings: 0,
        closed: new Promise((resolve) => (resolveClosed = resolve)),
      };
      socket.on("message", (data, binary) => {
        if (binary) {
          // A document socket's sync step 1 gets the server's step 2 (an empty document), as the
          // server answers it: the page counts its code as arrived from then on.
          const frame = new Uint8Array(data as Buffer);
          if (frame[0] === 0 && frame[1] === 0) this.syncs.push(() => socket.send(Uint8Array.from([0, 1, 2, 0, 0])));
          if (!this.holdSync) this.syncs.splice(0).forEach((answer) => answer());
          return;
        }
        const text = String(data);
        let message: unknown = text;
        try {
          message = JSON.parse(text);
        } catch {
          // kept as text
        }
        if ((message as { type?: unknown } | null)?.type === "ping") {
          seen.pings++;
          socket.send(JSON.stringify({ type: "pong", serverTime: Date.now() }));
        } else {
          seen.received.push(message);
        }
      });
      socket.on("close", (code) => resolveClosed(code));
      socket.on("error", () => undefined); // a page dropping its socket resets it: nothing to act on
      this.sockets.push(seen);
      this.socketWaiters.splice(0).forEach((wake) => wake());
    });
  }

  /** Starts a server and moves the test page to `path` on its origin. */
  /**
   * A server for the room page at /rooms/r1 with the token in the link: an empty run history, no
   * languages, and these problems in the catalogue.
   */
  static async startRoom(problems: unknown[] = []): Promise<FixtureServer> {
    const server = await FixtureServer.start("/rooms/r1#token=the-token");
    server.reply("/api/problems", { json: { problems } });
    server.reply("/api/languages", { json: { languages: [] } });
    server.reply("/api/rooms/r1/runs", { json: { runs: [] } });
    return server;
  }

  static async start(path = "/"): Promise<FixtureServer> {
    const server = new FixtureServer();
    await new Promise<void>((resolve) => server.http.listen(0, "127.0.0.1", resolve));
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(server.origin + path);
    return server;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  /** Answers `path` (or `METHOD path`) with this reply from now on. */
  /** Answers the sync step 1s held back, and stops holding them. */
  answerSync(): void {
    this.holdSync = false;
    this.syncs.splice(0).forEach((answer) => answer());
  }

  /** Answers `path` with `reply`, or with what the function returns (which may come later). */
  reply(path: string, reply: Reply | ((request: SeenRequest) => Reply | Promise<Reply>)): this {
    this.replies.set(path, reply);
    return this;
  }

  /** The first socket whose path ends with `suffix`, once a page has opened it. */
  async socket(suffix: string, nth = 0): Promise<SeenSocket> {
    for (;;) {
      const found = this.sockets.filter((s) => s.path.endsWith(suffix))[nth];
      if (found) {
        if (found.socket.readyState === found.socket.OPEN) return found;
        await new Promise((resolve) => found.socket.once("open", resolve));
        return found;
      }
      await new Promise<void>((resolve) => this.socketWaiters.push(resolve));
    }
  }

  async close(): Promise<void> {
    for (const client of this.ws.clients) client.terminate();
    await new Promise((resolve) => this.ws.close(resolve));
    await new Promise((resolve) => this.http.close(resolve));
  }
}

/** Waits until `check` holds, polling briefly: for what a page does after a socket event. */
export async function until(check: () => boolean, what = "the condition", timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** What a run from a page whose code document is still empty says of its code: a state vector of no clients. */
export const EMPTY_CODE_STATE = "AA";
