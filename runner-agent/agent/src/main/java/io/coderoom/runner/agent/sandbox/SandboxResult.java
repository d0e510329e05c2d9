package io.coderoom.runner.agent.sandbox;

import io.coderoom.runner.protocol.RunStatus;

/**
 * What happened in the container.
 *
 * @param warm whether a pre-started container ran it
 */
public record SandboxResult(
    RunStatus status,
    int exitCode,
    String stdout,
    String stderr,
    String compileOutput,
    boolean stdoutTruncated,
    boolean stderrTruncated,
    long compileMs,
    long runMs,
    long memoryBytes,
    String message,
    boolean warm) {}
