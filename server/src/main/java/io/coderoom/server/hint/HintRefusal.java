package io.coderoom.server.hint;

/**
 * Why the next hint was not revealed: the {@code error} the interviewer gets.
 *
 * @param code {@code no_problem}, {@code no_hints}, {@code no_hints_left}, {@code
 *     hint_already_revealed} or {@code bad_command}
 * @param message what happened and what to do, in one sentence
 */
public record HintRefusal(String code, String message) {}
