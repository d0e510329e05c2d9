/**
 * The runner agent process: its configuration, its connections, its heartbeat, and the wiring of
 * the job queue to the sandbox.
 */
package io.coderoom.runner.agent;
