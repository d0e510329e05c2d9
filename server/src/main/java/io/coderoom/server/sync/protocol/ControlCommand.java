package io.coderoom.server.sync.protocol;

/**
 * A command a client sends on the control socket: one sealed family per feature of the room, each
 * record named on the wire by its {@code @JsonTypeName}. A command names the permission it needs
 * and what its sender reads when they lack it.
 */
public sealed interface ControlCommand
    permits SessionCommand,
        ModerationCommand,
        SetupCommand,
        RunsCommand,
        ClockCommand,
        ChatCommand,
        HintsCommand {
  /** What the sender must hold for the room to take the command. */
  Permission permission();

  /** The sentence a sender without the permission reads. */
  default String forbidden() {
    return "Only an interviewer may " + ControlCodec.typeName(getClass()).replace('_', ' ') + ".";
  }
}
