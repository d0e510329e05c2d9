/**
 * Sign-in with the server's OpenID Connect provider: where the button goes, and the sentence the
 * sign-in page shows for each reason the server sends back in `/signin?error=CODE`. The server's
 * codes are io.coderoom.server.account.oidc.SignInRefusal; keep the two lists together.
 */

/** The provider sign-in's start, claiming a one-time link (setup, invitation, recovery) if given. */
export function oidcStartUrl(linkToken?: string): string {
  return linkToken
    ? `/api/auth/oidc/start?link=${encodeURIComponent(linkToken)}`
    : "/api/auth/oidc/start";
}

export const OIDC_ERRORS: Readonly<Record<string, string>> = {
  oidc_disabled: "Sign-in with a provider is not configured on this server.",
  provider_unreachable: "The sign-in provider did not answer. Try again in a moment.",
  provider_error: "The sign-in provider refused the sign-in. Try again, or ask your administrator.",
  state_unknown: "This sign-in was already used or is unknown. Start again from this page.",
  login_expired: "The sign-in took too long. Start again from this page.",
  browser_mismatch: "This sign-in was started in another browser. Start again from this page.",
  bad_signature: "The provider's answer was not signed by the provider, so it was refused.",
  wrong_issuer: "The provider's answer came from another issuer, so it was refused.",
  wrong_audience: "The provider's answer was meant for another application, so it was refused.",
  token_expired: "The provider's answer had expired. Sign in again.",
  nonce_mismatch: "The provider's answer belonged to another sign-in, so it was refused.",
  email_unverified: "Your email address is not verified at the sign-in provider. Verify it there, or ask for an invitation link.",
  not_invited: "No account here uses this sign-in yet. Ask an administrator of your team for an invitation link.",
  link_invalid: "The invitation or setup link has been used or has expired. Ask an administrator for a new one.",
  busy: "Too many sign-ins are under way. Try again in a minute.",
};

/** The sentence for `?error=` of the sign-in page, or null when there is no error. */
export function oidcErrorSentence(search: string): string | null {
  const code = new URLSearchParams(search).get("error");
  if (!code) return null;
  return OIDC_ERRORS[code] ?? "Signing in did not work. Try again.";
}
