package io.coderoom.loadtest;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Where the latency of each marker delivered to a peer goes: one distribution of all deliveries,
 * and, when the clients are spread over several server instances, one per number of relay hops the
 * delivery took (0: sender and receiver on the room's owner; 1: one of them relayed by another
 * instance; 2: both relayed). Several instances relay a room's sockets to its owner (see the
 * server's CLUSTER.md), so the split shows what one hop costs within one run.
 */
final class Deliveries {
  static final int MAX_HOPS = 2;

  private final Recorder all = new Recorder(3);
  private final Recorder[] byHops = {new Recorder(3), new Recorder(3), new Recorder(3)};

  /**
   * Whether each client (by id) reaches its room through a relay; written once, after every client
   * has connected and before any types, so the event loops that read it see it complete.
   */
  private boolean[] relayed = new boolean[0];

  void relayed(boolean[] relayedByClient) {
    this.relayed = relayedByClient.clone();
  }

  void record(int sender, int receiver, long nanos) {
    all.recordValue(nanos);
    byHops[hops(sender) + hops(receiver)].recordValue(nanos);
  }

  private int hops(int client) {
    return client < relayed.length && relayed[client] ? 1 : 0;
  }

  /** All deliveries since the last call. */
  Histogram interval() {
    return all.getIntervalHistogram();
  }

  /** Deliveries that took {@code hops} relay hops since the last call. */
  Histogram interval(int hops) {
    return byHops[hops].getIntervalHistogram();
  }
}
