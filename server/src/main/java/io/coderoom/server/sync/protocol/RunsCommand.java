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
   * A command that starts a run: of the room's code, once it holds every edit its sender had made
   * or seen when the sender asked (edits travel on the code socket, the command on this one, and
   * either can arrive first).
   */
  sealed interface Start extends RunsCommand permits Run, RunExamples, Submit {
    /**
     * The sender's code document's Yjs state vector, in base64url; without it, the run takes the
     * room's code as it is when the command arrives.
     */
    String codeState();

    default Optional<String> sendersCode() {
      return Optional.ofNullable(codeState());
    }
  }

  /**
   * Runs the room's code.
   *
   * @param stdin what the program reads, up to 64 KiB
   */
  @JsonTypeName("run")
  record Run(@MayBeMissing String stdin, @MayBeMissing String codeState) implements Start {
    public String input() {
      return stdin == null ? "" : stdin;
    }
  }

  /** Runs the room's code against the problem's public tests, shown in full to everyone. */
  @JsonTypeName("run_examples")
  record RunExamples(@MayBeMissing String codeState) implements Start {}

  /** Runs the room's code against the problem's public and hidden tests. */
  @JsonTypeName("submit")
  record Submit(@MayBeMissing String codeState) implements Start {}

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
