package io.coderoom.runner.protocol;

import java.util.Map;
import java.util.Objects;

/**
 * An entry of a run's output stream {@link RedisKeys#runOutput(String)}: the run started, a chunk
 * of output, or the run ended. Servers relay these to the room's sockets as they arrive; the stream
 * ends with exactly one {@link Ended} (the full result follows on {@link
 * RedisKeys#RESULTS_STREAM}).
 */
public sealed interface RunEvent permits RunEvent.Started, RunEvent.Output, RunEvent.Ended {

  String TYPE = "type";
  String TYPE_STARTED = "started";
  String TYPE_OUTPUT = "output";
  String TYPE_ENDED = "ended";

  String runId();

  Map<String, String> toFields();

  /** An agent took the run and is starting its container. */
  record Started(String runId, String agentId, long atMs) implements RunEvent {
    public Started {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(agentId, "agentId");
    }

    @Override
    public Map<String, String> toFields() {
      return Map.of(
          TYPE, TYPE_STARTED, "runId", runId, "agentId", agentId, "atMs", Long.toString(atMs));
    }
  }

  /**
   * A chunk of output in arrival order.
   *
   * @param stream which stream it came from
   * @param data the text (UTF-8 decoded; a character split across chunks is kept whole)
   */
  record Output(String runId, OutputStream stream, String data) implements RunEvent {
    public Output {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(stream, "stream");
      Objects.requireNonNull(data, "data");
    }

    @Override
    public Map<String, String> toFields() {
      return Map.of(TYPE, TYPE_OUTPUT, "runId", runId, "stream", stream.wireName(), "data", data);
    }
  }

  /** The run is over; the last entry of the stream. */
  record Ended(String runId, RunStatus status) implements RunEvent {
    public Ended {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(status, "status");
    }

    @Override
    public Map<String, String> toFields() {
      return Map.of(TYPE, TYPE_ENDED, "runId", runId, "status", status.name());
    }
  }

  /** Which output a chunk belongs to. */
  enum OutputStream {
    /** The compiler's output (stdout and stderr together). */
    COMPILE,
    STDOUT,
    STDERR;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static OutputStream fromWire(String name) {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /**
   * Reads an entry back.
   *
   * @throws IllegalArgumentException if a field is missing or malformed
   */
  static RunEvent fromFields(Map<String, String> fields) {
    try {
      String runId = Fields.required(fields, "runId");
      return switch (Fields.required(fields, TYPE)) {
        case TYPE_STARTED ->
            new Started(
                runId, Fields.required(fields, "agentId"), Fields.requiredLong(fields, "atMs"));
        case TYPE_OUTPUT ->
            new Output(
                runId,
                OutputStream.fromWire(Fields.required(fields, "stream")),
                Fields.required(fields, "data"));
        case TYPE_ENDED -> new Ended(runId, Fields.requiredEnum(fields, "status", RunStatus.class));
        default -> throw new IllegalArgumentException("unknown type " + fields.get(TYPE));
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed run event: " + e.getMessage(), e);
    }
  }
}
