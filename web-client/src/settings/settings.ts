import { Store } from "../app/store";
import type { ApiToken, Invitation, Scope, SettingsApi, Team, TeamRole } from "./api";

/** A secret the server returns once: shown until its holder dismisses it, then gone for good. */
export interface ShownOnce {
  kind: "token" | "invitation";
  /** What it is, such as the token's name or the invitation's role. */
  label: string;
  secret: string;
  expiresAt?: string;
}

export interface SettingsView {
  loading: boolean;
  /** Signed out (or the session ended): the page sends the person to sign in. */
  signedOut: boolean;
  tokens: ApiToken[];
  team: Team | null;
  shownOnce: ShownOnce | null;
  error: string;
  busy: boolean;
}

/** The settings page's state and actions; the view only renders it and calls these methods. */
export class SettingsState {
  readonly store = new Store<SettingsView>({
    loading: true,
    signedOut: false,
    tokens: [],
    team: null,
    shownOnce: null,
    error: "",
    busy: false,
  });

  constructor(private readonly api: SettingsApi) {}

  /** Whether the member may invite, remove and change roles. */
  get manages(): boolean {
    const role = this.store.value.team?.team.role;
    return role === "owner" || role === "admin";
  }

  async load(): Promise<void> {
    await this.act(async () => {
      const [tokens, team] = await Promise.all([this.api.tokens(), this.api.team()]);
      this.store.update({ tokens, team, loading: false });
    });
    this.store.update({ loading: false });
  }

  async createToken(name: string, scopes: Scope[]): Promise<boolean> {
    if (!name.trim()) return this.refuse("Name the token, for example after the integration that uses it.");
    if (scopes.length === 0) return this.refuse("Choose at least one scope.");
    return this.act(async () => {
      const created = await this.api.createToken(name.trim(), scopes);
      this.store.update({
        shownOnce: { kind: "token", label: created.name, secret: created.token },
        tokens: await this.api.tokens(),
      });
    });
  }

  revokeToken(id: string): Promise<boolean> {
    return this.act(async () => {
      await this.api.revokeToken(id);
      this.store.update({ tokens: this.store.value.tokens.filter((t) => t.id !== id) });
    });
  }

  invite(role: TeamRole, email: string): Promise<boolean> {
    return this.act(async () => {
      const issued = await this.api.invite(role, email.trim());
      this.store.update({
        shownOnce: { kind: "invitation", label: issued.email ? `${issued.role}, for ${issued.email}` : issued.role, secret: issued.url, expiresAt: issued.expiresAt },
        team: await this.api.team(),
      });
    });
  }

  revokeInvitation(invitation: Invitation): Promise<boolean> {
    return this.act(async () => {
      await this.api.revokeInvitation(invitation.id);
      this.store.update({ team: await this.api.team() });
    });
  }

  removeMember(userId: string): Promise<boolean> {
    return this.act(async () => {
      await this.api.removeMember(userId);
      this.store.update({ team: await this.api.team() });
    });
  }

  changeRole(userId: string, role: TeamRole): Promise<boolean> {
    return this.act(async () => {
      await this.api.changeRole(userId, role);
      this.store.update({ team: await this.api.team() });
    });
  }

  signOutEverywhere(): Promise<boolean> {
    return this.act(async () => {
      await this.api.signOutEverywhere();
      this.store.update({ signedOut: true });
    });
  }

  /** Forgets the secret shown once: it cannot be shown again. */
  dismissShownOnce(): void {
    this.store.update({ shownOnce: null });
  }

  private refuse(message: string): boolean {
    this.store.update({ error: message });
    return false;
  }

  /** Runs an action; a refusal's sentence becomes the page's error, a lost session sends to sign-in. */
  private async act(action: () => Promise<void>): Promise<boolean> {
    this.store.update({ busy: true, error: "" });
    try {
      await action();
      return true;
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 401) this.store.update({ signedOut: true });
      else this.store.update({ error: e instanceof Error ? e.message : String(e) });
      return false;
    } finally {
      this.store.update({ busy: false });
    }
  }
}

/** "never", or how long ago, in words a person reads at a glance. */
export function lastUsed(at: string | null, now: number = Date.now()): string {
  if (!at) return "never used";
  const minutes = Math.floor((now - Date.parse(at)) / 60_000);
  if (minutes < 1) return "used just now";
  if (minutes < 60) return `used ${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `used ${hours} h ago`;
  return `used ${Math.floor(hours / 24)} days ago`;
}
