/**
 * The server's time as this page measures it, so everyone's clock shows the same moment whatever
 * their own computer's clock says. Each sample is a server time and when the message carrying it
 * was sent and answered (a ping and its pong), or just received (the welcome): the server's time is
 * taken to be halfway through, and the sample with the shortest round trip wins, as the one that
 * can be off the least.
 */
export class ServerClock {
  /** Server time minus this page's Date.now(), in milliseconds. */
  private offset = 0;
  private bestRoundTrip = Number.POSITIVE_INFINITY;
  private measured = false;

  /**
   * @param serverTime the server's time (epoch ms) in the answer
   * @param sentAt performance.now() when the question left (the arrival, for the welcome)
   * @param receivedAt performance.now() when the answer arrived
   */
  sample(serverTime: number, sentAt: number, receivedAt: number, dateNow = Date.now()): void {
    // A welcome has no round trip of its own: it counts as a long one, replaced by the first pong.
    const roundTrip = receivedAt > sentAt ? receivedAt - sentAt : 60_000;
    if (this.measured && roundTrip > this.bestRoundTrip) return;
    const halfway = dateNow - (receivedAt - sentAt) / 2;
    this.offset = serverTime - halfway;
    this.bestRoundTrip = roundTrip;
    this.measured = true;
  }

  /** The server's time now (epoch ms). */
  now(dateNow = Date.now()): number {
    return dateNow + this.offset;
  }

  /** How far this page's clock is behind the server's. */
  get offsetMs(): number {
    return this.offset;
  }
}
