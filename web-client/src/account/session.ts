/** Who is signed in: the server's session behind the HttpOnly cookie, asked once per page. */
export interface SessionUser {
  id: string;
  name: string;
  email: string | null;
}

export interface SessionTeam {
  id: string;
  name: string;
  role: "owner" | "admin" | "interviewer";
}

export interface Session {
  user: SessionUser;
  team: SessionTeam;
}

let asked: Promise<Session | null> | null = null;

/** The signed-in member, or null when signed out (or the server cannot say). */
export function currentSession(): Promise<Session | null> {
  asked ??= fetch("/api/auth/session", { headers: { accept: "application/json" } })
    .then((response) => (response.ok ? (response.json() as Promise<Session>) : null))
    .catch(() => null);
  return asked;
}

/** Forgets the answer, after signing in or out. */
export function forgetSession(): void {
  asked = null;
}
