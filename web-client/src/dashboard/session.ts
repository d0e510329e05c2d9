/** Who is signed in, asked once per page. */
export interface SignedIn {
  user: { id: string; name: string; email?: string | null };
  team: { id: string; name: string; role: string };
}

let cached: Promise<SignedIn | null> | null = null;

export function signedIn(): Promise<SignedIn | null> {
  cached ??= fetch("/api/auth/session", { headers: { accept: "application/json" }, credentials: "same-origin" })
    .then((response) => (response.ok ? (response.json() as Promise<SignedIn>) : null))
    .catch(() => null);
  return cached;
}
