package io.coderoom.server.run;

/**
 * A run's program as it ran: what the room's code document held when the run started, and the input
 * it was given.
 */
public record RunCode(String code, String stdin) {}
