/**
 * Function mode: per-language harnesses that call the candidate's function on each test input, and
 * the judge that reads their framed results and compares them with the expected outputs, which
 * never enter the container. The design is described on {@link Harness}.
 */
package io.coderoom.runner.agent.harness;
