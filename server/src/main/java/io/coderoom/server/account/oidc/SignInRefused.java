package io.coderoom.server.account.oidc;

import java.util.Objects;

/**
 * A sign-in with the provider refused, with the reason the person sees and a detail for the log.
 */
public final class SignInRefused extends Exception {
  private final SignInRefusal reason;

  public SignInRefused(SignInRefusal reason, String detail) {
    super(reason.code() + ": " + detail, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public SignInRefused(SignInRefusal reason, String detail, Throwable cause) {
    super(reason.code() + ": " + detail, cause, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public SignInRefusal reason() {
    return reason;
  }
}
