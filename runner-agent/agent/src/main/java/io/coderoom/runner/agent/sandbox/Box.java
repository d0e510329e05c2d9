package io.coderoom.runner.agent.sandbox;

/**
 * A started, single-use runner container and the host directory mounted into it.
 *
 * @param containerId Docker's id
 * @param image the image it runs
 * @param memoryMb its memory limit (memory and swap together)
 * @param workspace the files it sees at {@code /code}
 * @param warm whether it was pre-started by the pool
 */
record Box(String containerId, String image, long memoryMb, Workspace workspace, boolean warm) {
  Box asWarm() {
    return new Box(containerId, image, memoryMb, workspace, true);
  }
}
