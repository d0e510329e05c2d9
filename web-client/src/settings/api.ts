/** The settings page's REST calls: the signed-in member's session cookie is their credential. */
import { ApiError } from "../api";

export type Scope = "rooms:create" | "reports:read";
export type TeamRole = "owner" | "admin" | "interviewer";

export interface ApiToken {
  id: string;
  name: string;
  scopes: Scope[];
  createdAt: string;
  lastUsedAt: string | null;
}

/** A token as created: `token` is its secret, shown this once. */
export interface CreatedApiToken extends ApiToken {
  token: string;
}

export interface TeamMember {
  user: { id: string; name: string; email: string | null };
  role: TeamRole;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  role: TeamRole;
  email: string | null;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

export interface Team {
  team: { id: string; name: string; role: TeamRole };
  members: TeamMember[];
  invitations: Invitation[];
}

/** An invitation as issued: `url` holds its one-time secret, shown this once. */
export interface IssuedInvitation {
  id: string;
  url: string;
  role: TeamRole;
  email: string | null;
  expiresAt: string;
}

/** What the settings page asks of the server (an interface, so its logic is tested alone). */
export interface SettingsApi {
  tokens(): Promise<ApiToken[]>;
  createToken(name: string, scopes: Scope[]): Promise<CreatedApiToken>;
  revokeToken(id: string): Promise<void>;
  team(): Promise<Team>;
  invite(role: TeamRole, email: string): Promise<IssuedInvitation>;
  revokeInvitation(id: string): Promise<void>;
  removeMember(userId: string): Promise<void>;
  changeRole(userId: string, role: TeamRole): Promise<void>;
  signOutEverywhere(): Promise<void>;
}

async function call<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(response.status, json.error ?? "http_" + response.status, json.message ?? response.statusText);
  }
  return json as T;
}

const id = encodeURIComponent;

/** The server's API. */
export const serverApi: SettingsApi = {
  tokens: async () => (await call<{ tokens: ApiToken[] }>("/api/tokens")).tokens,
  createToken: (name, scopes) => call<CreatedApiToken>("/api/tokens", { name, scopes }),
  revokeToken: async (token) => void (await call(`/api/tokens/${id(token)}/revoke`, {})),
  team: () => call<Team>("/api/team"),
  invite: (role, email) => call<IssuedInvitation>("/api/team/invitations", email ? { role, email } : { role }),
  revokeInvitation: async (invitation) => void (await call(`/api/team/invitations/${id(invitation)}/revoke`, {})),
  removeMember: async (userId) => void (await call(`/api/team/members/${id(userId)}/remove`, {})),
  changeRole: async (userId, role) => void (await call(`/api/team/members/${id(userId)}/role`, { role })),
  signOutEverywhere: async () => void (await call("/api/auth/signout-everywhere", {})),
};
