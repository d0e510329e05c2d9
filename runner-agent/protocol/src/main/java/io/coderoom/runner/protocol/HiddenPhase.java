package io.coderoom.runner.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * How a function-mode run went once its hidden cases began, for interviewers only. The first hidden
 * input reaches the program only after every public case has finished; from then on nothing the
 * program does may reach a candidate but the pass counts, so a {@link RunResult}'s status, exit
 * code, run time and memory describe the run up to that moment, and this is the rest.
 *
 * @param status how the program ended
 * @param exitCode its exit status, -1 when it has none (killed)
 * @param runMs the whole run step's wall-clock time
 * @param memoryBytes the container's peak memory over the whole run, -1 if unknown
 * @param message a sentence for people when status says too little (timeouts)
 * @param output what the program printed (stdout and stderr) from the first hidden case on, up to
 *     the run's output cap
 */
public record HiddenPhase(
    RunStatus status, int exitCode, long runMs, long memoryBytes, String message, String output) {

  public HiddenPhase {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(output, "output");
  }

  /**
   * Writes {@code Optional<HiddenPhase>} as the object or leaves it out: the protocol's mapper has
   * no module for {@link Optional}, and this is its only optional JSON value.
   */
  static final class Writer extends JsonSerializer<Optional<HiddenPhase>> {
    @Override
    public void serialize(
        Optional<HiddenPhase> value, JsonGenerator out, SerializerProvider serializers)
        throws IOException {
      if (value.isPresent()) {
        serializers.defaultSerializeValue(value.get(), out);
      } else {
        out.writeNull();
      }
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Optional<HiddenPhase> value) {
      return value == null || value.isEmpty();
    }
  }

  /** Reads what {@link Writer} wrote; absent (reports stored before it existed) is empty. */
  static final class Reader extends JsonDeserializer<Optional<HiddenPhase>> {
    @Override
    public Optional<HiddenPhase> deserialize(JsonParser in, DeserializationContext context)
        throws IOException {
      return Optional.ofNullable(in.readValueAs(HiddenPhase.class));
    }

    @Override
    public Optional<HiddenPhase> getNullValue(DeserializationContext context) {
      return Optional.empty();
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
      return Optional.empty();
    }
  }
}
