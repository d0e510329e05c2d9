package io.coderoom.loadtest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What one load step measured, as {@code sync-load --summary} writes it for scripts that compare
 * servers (load-tests/cluster-compare.sh): the load, the delivery latency, and the CPU time the
 * server (all its instances) and the proxy in front of it used while the step was measured.
 *
 * @param byHops delivery latency by relay hops (index 0, 1, 2), when the clients' instances are
 *     known; empty otherwise
 * @param proxyCpu the proxy's CPU time over the step, or null when there is none
 */
record StepFigures(
    int rooms,
    int sockets,
    int relayedSockets,
    double seconds,
    double editsPerSecond,
    double deliveredShare,
    Histogram latency,
    List<Histogram> byHops,
    ServerProcessStats serverCpu,
    ServerProcessStats proxyCpu,
    long errors,
    boolean sustained) {

  /** CPU milliseconds per 1,000 delivered updates, user and kernel time together. */
  static double perThousandDeliveries(ServerProcessStats cpu, long deliveries) {
    return deliveries == 0 ? 0 : cpu.cpuSeconds() * 1e6 / deliveries;
  }

  ObjectNode toJson() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode step = json.objectNode();
    step.put("rooms", rooms)
        .put("sockets", sockets)
        .put("relayedSockets", relayedSockets)
        .put("seconds", round(seconds))
        .put("editsPerSecond", round(editsPerSecond))
        .put("deliveries", latency.getTotalCount())
        .put("deliveriesPerSecond", round(latency.getTotalCount() / seconds))
        .put("deliveredShare", round(deliveredShare))
        .put("errors", errors)
        .put("sustained", sustained);
    step.set("latencyMs", percentiles(latency));
    if (!byHops.isEmpty()) {
      ObjectNode hops = step.putObject("latencyMsByRelayHops");
      for (int h = 0; h < byHops.size(); h++) {
        hops.set(Integer.toString(h), percentiles(byHops.get(h)));
      }
    }
    if (serverCpu != null) {
      step.set("serverCpu", cpu(serverCpu));
    }
    if (proxyCpu != null) {
      step.set("proxyCpu", cpu(proxyCpu));
    }
    return step;
  }

  private ObjectNode cpu(ServerProcessStats used) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("userSeconds", round(used.userSeconds()))
        .put("kernelSeconds", round(used.kernelSeconds()))
        .put("msPer1000Deliveries", round(perThousandDeliveries(used, latency.getTotalCount())));
  }

  private static ObjectNode percentiles(Histogram h) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("count", h.getTotalCount())
        .put("p50", ms(h.getValueAtPercentile(50)))
        .put("p90", ms(h.getValueAtPercentile(90)))
        .put("p99", ms(h.getValueAtPercentile(99)))
        .put("max", ms(h.getMaxValue()));
  }

  private static double ms(long nanos) {
    return round(nanos / 1e6);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
