/**
 * Function mode: per-language harnesses that call the candidate's function on each test input, the
 * feed that gives them the inputs one case at a time (hidden ones last, with everything from then
 * on withheld), and the judge that compares their framed results with the expected outputs, which
 * never enter the container. The design is described on {@link Harness}.
 */
package io.coderoom.runner.agent.harness;
