package io.coderoom.observability;

import io.coderoom.runner.protocol.Setting;
import io.coderoom.runner.protocol.SharedSettings;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a process's spans go: {@code CODEROOM_TRACES_EXPORTER} and {@code CODEROOM_OTLP_ENDPOINT},
 * read alike by the server and the runner agents.
 *
 * @param exporter none, logging or otlp
 * @param otlpEndpoint the OTLP/HTTP traces URL otlp sends to
 */
public record TracesConfig(Exporter exporter, URI otlpEndpoint) {

  /** Where spans go. */
  public enum Exporter {
    /** Spans are made (and their context passed on) but not exported. */
    NONE,
    LOGGING,
    OTLP
  }

  public TracesConfig {
    Objects.requireNonNull(exporter, "exporter");
    Objects.requireNonNull(otlpEndpoint, "otlpEndpoint");
  }

  /** No export, the default. */
  public static TracesConfig none() {
    return new TracesConfig(Exporter.NONE, URI.create(SharedSettings.OTLP_ENDPOINT.defaultValue()));
  }

  /**
   * Reads both settings.
   *
   * @throws IllegalArgumentException naming the setting whose value is not one of its values
   */
  public static TracesConfig fromEnv(Map<String, String> env) {
    Setting setting = SharedSettings.TRACES_EXPORTER;
    String value = setting.read(env);
    Exporter exporter;
    try {
      exporter = Exporter.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          setting.name() + " must be none, logging or otlp, was '" + value + "'", e);
    }
    return new TracesConfig(exporter, URI.create(SharedSettings.OTLP_ENDPOINT.read(env).trim()));
  }
}
