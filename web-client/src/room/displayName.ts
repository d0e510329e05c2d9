/** Where the browser remembers the display name its person chose, for every room. */
export const NAME_KEY = "coderoom.name";

/** The longest name the server shows, in code points (server: DisplayName.MAX_LENGTH). */
export const NAME_MAX = 80;

/** What a room link says about its holder: the role it grants and the name it carries, if any. */
export interface LinkClaims {
  role: string | null;
  name: string | null;
}

/**
 * The claims of a room token, read without checking its signature: the page only decides from them
 * whether to ask for a name. The server checks the token and decides the name others see.
 */
export function linkClaims(token: string): LinkClaims {
  const payload = token.split(".")[1];
  if (!payload) return { role: null, name: null };
  try {
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(payload.length / 4) * 4, "="));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : null);
    return { role: text(claims.role), name: text(claims.name) };
  } catch {
    return { role: null, name: null };
  }
}

/**
 * A typed name as the server will show it: control and format characters dropped, whitespace as
 * single spaces, trimmed and cut to {@link NAME_MAX} code points.
 */
export function cleanName(text: string): string {
  const kept = [...text]
    .filter((c) => !/[\p{Cc}\p{Cf}\p{Cs}]/u.test(c) || /\s/.test(c))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  return [...kept].slice(0, NAME_MAX).join("").trim();
}

export function rememberedName(): string | null {
  const name = cleanName(localStorage.getItem(NAME_KEY) ?? "");
  return name || null;
}

export function rememberName(name: string): void {
  localStorage.setItem(NAME_KEY, cleanName(name));
}
