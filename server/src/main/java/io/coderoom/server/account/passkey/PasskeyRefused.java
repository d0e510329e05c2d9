package io.coderoom.server.account.passkey;

import java.util.Objects;

/** A passkey ceremony that did not succeed, with what the person can do about it. */
public final class PasskeyRefused extends Exception {
  /** Why, with the HTTP status, the error code and the sentence the person reads. */
  public enum Reason {
    MALFORMED(400, "passkey_malformed", "The passkey's answer could not be read; try again."),
    CEREMONY_EXPIRED(
        400,
        "ceremony_expired",
        "This passkey request has expired or was already answered; start again."),
    WRONG_REQUEST(
        400,
        "passkey_mismatch",
        "The passkey answered a different request or site; start again from this page."),
    NOT_VERIFIED(
        400,
        "user_not_verified",
        "The authenticator did not verify you (PIN, fingerprint or face); Coderoom requires it."),
    ALREADY_REGISTERED(
        409, "passkey_exists", "This passkey is already registered; sign in with it instead."),
    UNKNOWN_CREDENTIAL(
        401,
        "passkey_unknown",
        "This passkey is not registered here; choose another, or ask an administrator for a"
            + " sign-in link."),
    BAD_SIGNATURE(401, "passkey_refused", "The passkey's signature does not verify."),
    CLONED(
        401,
        "passkey_cloned",
        "This passkey's counter went backwards, a sign of a copied key, so it was refused; ask an"
            + " administrator for a recovery link.");

    private final int httpStatus;
    private final String code;
    private final String message;

    Reason(int httpStatus, String code, String message) {
      this.httpStatus = httpStatus;
      this.code = code;
      this.message = message;
    }

    public int httpStatus() {
      return httpStatus;
    }

    public String code() {
      return code;
    }

    public String message() {
      return message;
    }
  }

  private final Reason reason;

  public PasskeyRefused(Reason reason) {
    super(reason.message(), null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
