package io.coderoom.server.sync;

import io.coderoom.server.auth.Role;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Meters of live rooms: updates, broadcast latency and size, denied writes, slow consumers, refused
 * sockets and awareness, and answers to sync step 1.
 */
final class SyncMetrics {
  private final Counter updates;
  private final Timer broadcastLatency;
  private final DistributionSummary broadcastBytes;
  private final Counter deniedWrites;
  private final Counter slowConsumers;
  private final Counter refusedFull;
  private final Counter rateLimited;
  private final Counter tooCostly;
  private final Counter bytesIn;
  private final Counter bytesOut;
  private final Counter stepTwoEncoded;
  private final Counter stepTwoCached;
  private final Counter awarenessRefused;
  private final Counter removedRefused;
  private final Map<Role, AtomicInteger> socketsByRole = new EnumMap<>(Role.class);

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
    tooCostly =
        Counter.builder("coderoom.document.updates.refused")
            .tag("reason", "too_costly")
            .description("Document updates refused for needing too much work to merge")
            .register(registry);
    bytesIn =
        Counter.builder("coderoom.socket.bytes.in")
            .baseUnit("bytes")
            .description("Message bytes received on room sockets")
            .register(registry);
    bytesOut =
        Counter.builder("coderoom.socket.bytes.out")
            .baseUnit("bytes")
            .description("Message bytes sent on document sockets by broadcasts")
            .register(registry);
    stepTwoEncoded =
        Counter.builder("coderoom.sync.step2")
            .tag("cached", "false")
            .description("Answers to sync step 1, by whether they were encoded or repeated")
            .register(registry);
    stepTwoCached =
        Counter.builder("coderoom.sync.step2")
            .tag("cached", "true")
            .description("Answers to sync step 1, by whether they were encoded or repeated")
            .register(registry);
    awarenessRefused =
        Counter.builder("coderoom.awareness.refused")
            .description("Awareness updates refused (another client's id, too many, too large)")
            .register(registry);
    removedRefused =
        Counter.builder("coderoom.sockets.refused.removed")
            .description("Sockets refused because their link was removed or the room ended")
            .register(registry);
    for (Role role : Role.values()) {
      AtomicInteger open = new AtomicInteger();
      socketsByRole.put(role, open);
      Gauge.builder("coderoom.sockets", open, AtomicInteger::get)
          .tag("role", role.wireName())
          .description("Open room sockets")
          .register(registry);
    }
  }

  void socketOpened(Role role) {
    socketsByRole.get(role).incrementAndGet();
  }

  void socketClosed(Role role) {
    socketsByRole.get(role).decrementAndGet();
  }

  void received(int bytes) {
    bytesIn.increment(bytes);
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

  void broadcast(long nanos, int bytes, int recipients) {
    broadcastLatency.record(nanos, TimeUnit.NANOSECONDS);
    broadcastBytes.record(bytes);
    bytesOut.increment((double) bytes * recipients);
  }

  void updateTooCostly() {
    tooCostly.increment();
  }

  void writeDenied() {
    deniedWrites.increment();
  }

  void stepTwoAnswered(boolean cached) {
    (cached ? stepTwoCached : stepTwoEncoded).increment();
  }

  void awarenessRefused() {
    awarenessRefused.increment();
  }

  void removedRefused() {
    removedRefused.increment();
  }

  void slowConsumerClosed() {
    slowConsumers.increment();
  }
}
