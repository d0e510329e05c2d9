package io.coderoom.server.sync.protocol;

/**
 * An event the server sends on the control socket: one sealed family per feature of the room, each
 * record named on the wire by its {@code @JsonTypeName}. {@link ControlCodec} writes it with {@code
 * "v": 1} and its type.
 */
public sealed interface ControlEvent
    permits SessionEvent,
        PresenceEvent,
        ModerationEvent,
        SetupEvent,
        RunsEvent,
        ClockEvent,
        ChatEvent,
        HintsEvent {}
