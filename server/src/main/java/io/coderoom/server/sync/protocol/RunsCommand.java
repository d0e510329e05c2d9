package io.coderoom.server.sync.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Optional;

/** Running the room's code. */
public sealed interface RunsCommand extends ControlCommand {
  @Override
  default Permission permission() {
    return Permission.RUN_CODE;
  }

  @Override
  default String forbidden() {
    return "Observers cannot run code.";
  }

  /**
   * Runs the room's code as it is now.
   *
   * @param stdin what the program reads, up to 64 KiB
   */
  @JsonTypeName("run")
  record Run(@MayBeMissing String stdin) implements RunsCommand {
    public String input() {
      return stdin == null ? "" : stdin;
    }
  }

  /** Runs the room's code against the problem's public and hidden tests. */
  @JsonTypeName("submit")
  record Submit() implements RunsCommand {}

  /**
   * Stops the run in progress.
   *
   * @param runId the run to stop, which must be the one in progress; without it, whichever is
   */
  @JsonTypeName("stop")
  record Stop(@MayBeMissing String runId) implements RunsCommand {
    public Optional<String> run() {
      return Optional.ofNullable(runId);
    }

    @Override
    public String forbidden() {
      return "Observers cannot stop runs.";
    }
  }
}
