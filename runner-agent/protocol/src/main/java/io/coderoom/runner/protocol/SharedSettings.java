package io.coderoom.runner.protocol;

import java.util.List;

/** The settings the server and the runner agents both read. */
public final class SharedSettings {
  private SharedSettings() {}

  public static final Setting REDIS_URL =
      Setting.of(
          "Redis",
          "CODEROOM_REDIS_URL",
          "redis://127.0.0.1:6379",
          "the Redis that carries run jobs, results and room events between servers and runner"
              + " agents; ./coderoom builds it (redis://:PASSWORD@HOST:PORT/DB) from the settings"
              + " above, so set it only for a server or agent started some other way");

  public static final Setting TRACES_EXPORTER =
      Setting.of(
          "Logs and traces",
          "CODEROOM_TRACES_EXPORTER",
          "none",
          "where spans go: none, logging (to the log) or otlp (OTLP over HTTP to the endpoint);"
              + " servers and runner agents each read it, and when both export, a run's spans on"
              + " both form one trace");

  public static final Setting OTLP_ENDPOINT =
      Setting.of(
          "Logs and traces",
          "CODEROOM_OTLP_ENDPOINT",
          "http://127.0.0.1:4318/v1/traces",
          "where otlp sends spans");

  public static final List<Setting> ALL = List.of(REDIS_URL, TRACES_EXPORTER, OTLP_ENDPOINT);
}
