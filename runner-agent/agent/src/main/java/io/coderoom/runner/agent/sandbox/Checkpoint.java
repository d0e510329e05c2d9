package io.coderoom.runner.agent.sandbox;

/**
 * A run step as it stood at one moment: when its {@link Conversation} sealed it, which is all a
 * result may tell of the run from then on.
 *
 * @param runMs wall-clock time since the step started
 * @param memoryBytes the container's peak memory so far, -1 if unknown
 * @param stdoutTruncated whether stdout had passed the cap
 * @param stderrTruncated whether stderr had passed the cap
 */
public record Checkpoint(
    long runMs, long memoryBytes, boolean stdoutTruncated, boolean stderrTruncated) {}
