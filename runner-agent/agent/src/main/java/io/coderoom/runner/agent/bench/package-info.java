/** The run latency benchmark: a command that prints figures, not a test. */
package io.coderoom.runner.agent.bench;
