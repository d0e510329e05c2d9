import "./account.css";
import { useEffect, useState } from "preact/hooks";
import { ThemeToggle } from "../ui/ThemeToggle";
import { currentSession } from "./session";
import { authOptions, signInWithPasskey, type AuthOptions } from "./api";
import { passkeyFailure, passkeysSupported } from "./webauthn";
import { oidcErrorSentence, oidcStartUrl } from "./oidc";

/** The sign-in page: a passkey, or the team's identity provider when one is configured. */
export default function SignIn() {
  const [options, setOptions] = useState<AuthOptions | null>(null);
  // A provider sign-in that failed comes back here as ?error=CODE.
  const [error, setError] = useState(() => oidcErrorSentence(location.search) ?? "");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = "Sign in · Coderoom";
    authOptions().then(setOptions);
    // Someone already signed in has nothing to do here.
    currentSession().then((session) => session && location.replace("/dashboard"));
  }, []);

  const signIn = async () => {
    setError("");
    setBusy(true);
    try {
      await signInWithPasskey();
      location.assign("/dashboard");
    } catch (e) {
      setError(passkeyFailure(e));
      setBusy(false);
    }
  };

  const oidc = options?.oidc.enabled ? options.oidc : null;
  return (
    <main class="landing account">
      <header class="landing-head">
        <h1>Coderoom</h1>
        <ThemeToggle />
      </header>
      <section class="account-card" aria-labelledby="signin-title">
        <h2 id="signin-title">Sign in</h2>
        <p class="muted">Interviewers sign in to see their team's interviews. Candidates and observers join by the link they were sent, with no account.</p>
        <div class="account-actions">
          <button type="button" id="passkey-signin" class="primary" disabled={busy || !passkeysSupported()} onClick={signIn}>
            {busy ? "Waiting for your passkey…" : "Sign in with a passkey"}
          </button>
          {oidc ? (
            <a id="oidc-signin" class="button-secondary" href={oidcStartUrl()}>
              Sign in with {oidc.name || "your identity provider"}
            </a>
          ) : null}
        </div>
        {passkeysSupported() ? null : <p class="form-error">This browser does not support passkeys. Use a current browser, or your identity provider if offered.</p>}
        <p id="signin-error" class="form-error" role="alert">
          {error}
        </p>
        {options?.setupNeeded ? (
          <p id="setup-needed" class="notice">
            No one has an account yet. The first administrator signs up with the one-time setup link that <code>./coderoom up</code> prints (or <code>./coderoom admin setup-link</code>).
          </p>
        ) : (
          <p class="muted small">No passkey on this device? Ask an administrator of your team for a sign-in link.</p>
        )}
      </section>
    </main>
  );
}
