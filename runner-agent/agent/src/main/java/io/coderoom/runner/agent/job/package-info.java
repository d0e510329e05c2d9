/** Turning a run job into a program for the sandbox, and the sandbox's outcome into a result. */
package io.coderoom.runner.agent.job;
