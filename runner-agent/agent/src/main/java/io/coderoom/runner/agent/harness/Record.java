package io.coderoom.runner.agent.harness;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One result as the harness reports it, the body of {@code \n RS nonce:index:status:ms:json \n}.
 *
 * @param index the case's position in the suite
 * @param ok whether the function returned (else it threw and the payload is the error text)
 * @param ms the call's duration as the harness measured it
 * @param payload the returned value, or the error text, as JSON
 */
record Record(int index, boolean ok, double ms, String payload) {
  private static final Pattern BODY = Pattern.compile("(\\d{1,9}):(ok|error):([0-9.]{1,30}):(.*)");

  /** The record in the text after the marker up to its newline, if it is well formed. */
  static Optional<Record> parse(String body) {
    Matcher m = BODY.matcher(body);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Record(
              Integer.parseInt(m.group(1)),
              m.group(2).equals("ok"),
              Double.parseDouble(m.group(3)),
              m.group(4)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
