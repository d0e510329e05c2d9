package io.coderoom.server.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Meters of live rooms: updates, broadcast latency and size, denied writes, slow consumers. */
final class SyncMetrics {
  private final Counter updates;
  private final Timer broadcastLatency;
  private final DistributionSummary broadcastBytes;
  private final Counter deniedWrites;
  private final Counter slowConsumers;
  private final Counter refusedFull;
  private final Counter rateLimited;

  SyncMetrics(MeterRegistry registry) {
    updates =
        Counter.builder("coderoom.document.updates")
            .description("Document updates applied")
            .register(registry);
    broadcastLatency =
        Timer.builder("coderoom.broadcast.latency")
            .description("Time to hand one message to every socket of a document")
            .publishPercentileHistogram()
            .register(registry);
    broadcastBytes =
        DistributionSummary.builder("coderoom.broadcast.bytes")
            .baseUnit("bytes")
            .description("Size of broadcast messages")
            .register(registry);
    deniedWrites =
        Counter.builder("coderoom.writes.denied")
            .description("Document writes refused by role or lock")
            .register(registry);
    slowConsumers =
        Counter.builder("coderoom.sockets.slow.closed")
            .description("Sockets closed for not keeping up")
            .register(registry);
    refusedFull =
        Counter.builder("coderoom.sockets.refused.full")
            .description("Sockets refused because their room was full")
            .register(registry);
    rateLimited =
        Counter.builder("coderoom.sockets.rate.limited")
            .description("Sockets closed for sending too many messages")
            .register(registry);
  }

  void roomFull() {
    refusedFull.increment();
  }

  void rateLimited() {
    rateLimited.increment();
  }

  void updateApplied() {
    updates.increment();
  }

  void broadcast(long nanos, int bytes) {
    broadcastLatency.record(nanos, TimeUnit.NANOSECONDS);
    broadcastBytes.record(bytes);
  }

  void writeDenied() {
    deniedWrites.increment();
  }

  void slowConsumerClosed() {
    slowConsumers.increment();
  }
}
