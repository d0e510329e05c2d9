import "./account.css";
import { useEffect, useMemo, useState } from "preact/hooks";
import { ApiError } from "../api";
import { ThemeToggle } from "../ui/ThemeToggle";
import { authOptions, inspectLink, registerWithLink, type AuthOptions, type LinkInfo } from "./api";
import { forgetLinkToken, takeLinkToken } from "./linkToken";
import { passkeyFailure, passkeysSupported } from "./webauthn";
import { oidcStartUrl } from "./oidc";

const DEAD_LINK = "This link has already been used or has expired. Ask an administrator of your team for a new one.";

/** What a one-time link grants, in the words of its page's title. */
export function linkTitle(link: LinkInfo): string {
  switch (link.purpose) {
    case "setup":
      return "Create the first administrator";
    case "invitation":
      return `Join ${link.teamName ?? "the team"} as ${link.role ?? "interviewer"}`;
    case "recovery":
      return `Recover access for ${link.userName ?? "your account"}`;
  }
}

function explanation(link: LinkInfo): string {
  switch (link.purpose) {
    case "setup":
      return "You become the owner of this Coderoom server's team. Choose the name others see, then create a passkey on this device: your fingerprint, face or screen lock signs you in from now on.";
    case "invitation":
      return "Choose the name others see, then create a passkey on this device: your fingerprint, face or screen lock signs you in from now on.";
    case "recovery":
      return "Create a new passkey on this device. Your account, team and interviews stay as they are; the passkeys you had keep working.";
  }
}

/** The page of a one-time link: first administrator, invitation, or recovery. */
export default function ClaimLink() {
  const token = useMemo(takeLinkToken, []);
  const [link, setLink] = useState<LinkInfo | null | "dead">(token ? null : "dead");
  const [options, setOptions] = useState<AuthOptions | null>(null);
  const [name, setName] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = "Your link · Coderoom";
    authOptions().then(setOptions);
    if (!token) return;
    inspectLink(token).then(
      (info) => {
        setLink(info);
        document.title = `${linkTitle(info)} · Coderoom`;
      },
      (e) => {
        if (e instanceof ApiError && e.status === 404) {
          forgetLinkToken();
          setLink("dead");
        } else setError(e instanceof Error ? e.message : String(e));
      },
    );
  }, [token]);

  const needsName = link !== null && link !== "dead" && link.purpose !== "recovery";

  const create = async (event: Event) => {
    event.preventDefault();
    if (!token) return;
    setError("");
    setBusy(true);
    try {
      await registerWithLink(token, needsName ? name.trim() : undefined);
      forgetLinkToken();
      location.assign("/dashboard");
    } catch (e) {
      if (e instanceof ApiError && e.code === "link_invalid") {
        forgetLinkToken();
        setLink("dead");
      } else setError(passkeyFailure(e));
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
      {link === "dead" ? (
        <section class="account-card" aria-labelledby="link-title">
          <h2 id="link-title">This link no longer works</h2>
          <p id="link-dead">{DEAD_LINK}</p>
          <p>
            <a href="/signin">Sign in</a> if you already have a passkey.
          </p>
        </section>
      ) : link === null ? (
        <section class="account-card" aria-busy="true">
          <p class="muted">Checking your link…</p>
          <p class="form-error" role="alert">
            {error}
          </p>
        </section>
      ) : (
        <section class="account-card" aria-labelledby="link-title">
          <h2 id="link-title">{linkTitle(link)}</h2>
          <p>{explanation(link)}</p>
          <form class="claim" onSubmit={create}>
            {needsName ? (
              <>
                <label for="person-name">Your name</label>
                <input
                  id="person-name"
                  type="text"
                  required
                  maxLength={80}
                  autocomplete="name"
                  placeholder="Ada Lovelace"
                  value={name}
                  onInput={(e) => setName(e.currentTarget.value)}
                />
              </>
            ) : null}
            <div class="account-actions">
              <button type="submit" id="create-passkey" class="primary" disabled={busy || !passkeysSupported()}>
                {busy ? "Waiting for your passkey…" : "Create a passkey"}
              </button>
              {oidc && token ? (
                <a id="oidc-claim" class="button-secondary" href={oidcStartUrl(token)}>
                  Continue with {oidc.name || "your identity provider"}
                </a>
              ) : null}
            </div>
          </form>
          <p id="claim-error" class="form-error" role="alert">
            {error}
          </p>
          <p class="muted small">This link works once and expires {new Date(link.expiresAt).toLocaleString()}.</p>
        </section>
      )}
    </main>
  );
}
