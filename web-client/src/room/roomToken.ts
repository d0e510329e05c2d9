/** Where the tab keeps a room's token. */
export const tokenKey = (roomId: string) => `coderoom.token.${roomId}`;

/** The token a link's URL carries in its fragment. */
export function tokenOfUrl(url: string): string | null {
  const hash = url.indexOf("#");
  return hash < 0 ? null : new URLSearchParams(url.slice(hash + 1)).get("token");
}

/**
 * The room's token from the link (`#token=…`), which then leaves the address bar and the history
 * at once, so it is not shown, shared by a screenshot or kept in the browser's history. The tab
 * keeps it in session storage, so a reload still opens the room, and its report and timeline
 * pages read it too.
 */
export function roomToken(roomId: string): string | null {
  const fromLink = tokenOfUrl(location.href);
  if (fromLink) {
    sessionStorage.setItem(tokenKey(roomId), fromLink);
    history.replaceState(history.state, "", location.pathname + location.search);
    return fromLink;
  }
  return sessionStorage.getItem(tokenKey(roomId));
}
