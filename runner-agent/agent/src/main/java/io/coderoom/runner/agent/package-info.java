/** The runner agent process: its configuration, its Redis connection and its heartbeat. */
package io.coderoom.runner.agent;
