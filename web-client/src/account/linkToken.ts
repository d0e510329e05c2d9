const STORAGE = "coderoom.accountLink";

/**
 * The one-time link's token: read from the address's fragment (`#token=…`, which never reaches a
 * server log), then removed from the address bar and the history, and kept in this tab's session
 * storage so a reload still finds it until it is used.
 */
export function takeLinkToken(): string | null {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromLink) {
    sessionStorage.setItem(STORAGE, fromLink);
    history.replaceState(history.state, "", location.pathname + location.search);
    return fromLink;
  }
  return sessionStorage.getItem(STORAGE);
}

/** Forgets the token once the link is used (or known to be dead). */
export function forgetLinkToken(): void {
  sessionStorage.removeItem(STORAGE);
}
