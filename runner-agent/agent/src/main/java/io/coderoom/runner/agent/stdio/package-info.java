/**
 * Stdin/stdout problems: the program is compiled once and run once per test case with the case's
 * input as its stdin, and its output is compared by the problem's checker.
 */
package io.coderoom.runner.agent.stdio;
