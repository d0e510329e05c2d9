package io.coderoom.server.account.oidc;

/**
 * Why a sign-in with the provider did not end in a session. The code travels to the sign-in page
 * ({@code /signin?error=CODE}), which shows the sentence for it; the detail stays in the server's
 * log and audit, since it may name what the provider sent.
 */
public enum SignInRefusal {
  DISABLED("oidc_disabled", "Sign-in with a provider is not configured on this server."),
  PROVIDER_UNREACHABLE(
      "provider_unreachable", "The sign-in provider did not answer; try again in a moment."),
  PROVIDER_ERROR("provider_error", "The sign-in provider refused the sign-in."),
  STATE_UNKNOWN(
      "state_unknown",
      "This sign-in was already used or is unknown; start again from the sign-in page."),
  LOGIN_EXPIRED("login_expired", "The sign-in took too long; start again from the sign-in page."),
  BROWSER_MISMATCH(
      "browser_mismatch",
      "The sign-in was started in another browser; start again from the sign-in page."),
  BAD_SIGNATURE("bad_signature", "The provider's answer was not signed by the provider."),
  WRONG_ISSUER("wrong_issuer", "The provider's answer came from another issuer."),
  WRONG_AUDIENCE("wrong_audience", "The provider's answer was meant for another application."),
  TOKEN_EXPIRED("token_expired", "The provider's answer has expired; sign in again."),
  NONCE_MISMATCH("nonce_mismatch", "The provider's answer belongs to another sign-in."),
  EMAIL_UNVERIFIED(
      "email_unverified", "Your email address is not verified at the sign-in provider."),
  NOT_INVITED(
      "not_invited",
      "No account here uses this sign-in yet; ask an administrator of your team for an invitation"
          + " link."),
  LINK_INVALID("link_invalid", "The invitation or setup link is used, expired or unknown."),
  BUSY("busy", "Too many sign-ins are under way; try again in a minute.");

  private final String code;
  private final String sentence;

  SignInRefusal(String code, String sentence) {
    this.code = code;
    this.sentence = sentence;
  }

  /** What {@code /signin?error=} carries. */
  public String code() {
    return code;
  }

  /** What the sign-in page shows for it. */
  public String sentence() {
    return sentence;
  }

  /** This refusal as an exception, with a detail for the log. */
  public SignInRefused because(String detail) {
    return new SignInRefused(this, detail);
  }

  /** This refusal as an exception, with a detail and the error behind it. */
  public SignInRefused because(String detail, Throwable cause) {
    return new SignInRefused(this, detail, cause);
  }
}
