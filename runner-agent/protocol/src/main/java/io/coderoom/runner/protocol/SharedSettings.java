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

  public static final List<Setting> ALL = List.of(REDIS_URL);
}
