import { describe, expect, it } from "vitest";
import type { ApiToken, CreatedApiToken, SettingsApi, Team } from "../src/settings/api";
import { lastUsed, SettingsState } from "../src/settings/settings";

/** A server that keeps tokens and a team in memory, answering as the real API does. */
function fixture(role: "owner" | "interviewer" = "owner") {
  const tokens: ApiToken[] = [];
  const team: Team = {
    team: { id: "t", name: "Platform", role },
    members: [{ user: { id: "u1", name: "Ada", email: null }, role, joinedAt: "2026-01-01T00:00:00Z" }],
    invitations: [],
  };
  let failNext: { status: number; message: string } | null = null;
  const maybeFail = () => {
    if (failNext) {
      const error = Object.assign(new Error(failNext.message), { status: failNext.status });
      failNext = null;
      throw error;
    }
  };
  const api: SettingsApi = {
    tokens: async () => (maybeFail(), [...tokens]),
    createToken: async (name, scopes): Promise<CreatedApiToken> => {
      maybeFail();
      const token = { id: `k${tokens.length}`, name, scopes, createdAt: "2026-01-01T00:00:00Z", lastUsedAt: null };
      tokens.unshift(token);
      return { ...token, token: "crt_secret" + tokens.length };
    },
    revokeToken: async (id) => {
      maybeFail();
      tokens.splice(tokens.findIndex((t) => t.id === id), 1);
    },
    team: async () => (maybeFail(), structuredClone(team)),
    invite: async (role, email) => {
      maybeFail();
      const invitation = { id: "i1", role, email: email || null, createdBy: "user:u1", createdAt: "2026-01-01T00:00:00Z", expiresAt: "2026-01-02T00:00:00Z" };
      team.invitations.push(invitation);
      return { id: "i1", url: "http://x/account/link#token=crl_1", role, email: email || null, expiresAt: invitation.expiresAt };
    },
    revokeInvitation: async () => void (team.invitations = []),
    removeMember: async () => maybeFail(),
    changeRole: async () => maybeFail(),
    signOutEverywhere: async () => maybeFail(),
  };
  return { api, fail: (status: number, message: string) => (failNext = { status, message }) };
}

describe("the settings page's state", () => {
  it("shows a created token's secret once, and lists the token without it", async () => {
    const { api } = fixture();
    const state = new SettingsState(api);
    await state.load();
    expect(await state.createToken("  ATS  ", ["rooms:create"])).toBe(true);
    expect(state.store.value.shownOnce).toEqual({ kind: "token", label: "ATS", secret: "crt_secret1" });
    expect(state.store.value.tokens.map((t) => t.name)).toEqual(["ATS"]);
    expect(JSON.stringify(state.store.value.tokens)).not.toContain("crt_secret");
    state.dismissShownOnce();
    expect(state.store.value.shownOnce).toBeNull();
  });

  it("refuses a token without a name or a scope before asking the server", async () => {
    const state = new SettingsState(fixture().api);
    expect(await state.createToken(" ", ["rooms:create"])).toBe(false);
    expect(state.store.value.error).toContain("Name the token");
    expect(await state.createToken("ATS", [])).toBe(false);
    expect(state.store.value.error).toContain("at least one scope");
    expect(state.store.value.tokens).toEqual([]);
  });

  it("shows an invitation link once and lists the invitation", async () => {
    const state = new SettingsState(fixture().api);
    await state.load();
    expect(state.manages).toBe(true);
    await state.invite("admin", " lin@example.com ");
    expect(state.store.value.shownOnce?.secret).toBe("http://x/account/link#token=crl_1");
    expect(state.store.value.shownOnce?.label).toBe("admin, for lin@example.com");
    expect(state.store.value.team?.invitations).toHaveLength(1);
  });

  it("an interviewer does not manage the team", async () => {
    const state = new SettingsState(fixture("interviewer").api);
    await state.load();
    expect(state.manages).toBe(false);
  });

  it("says the server's sentence when refused, and sends a lost session to sign in", async () => {
    const { api, fail } = fixture();
    const state = new SettingsState(api);
    await state.load();
    fail(409, "The team's last owner cannot be removed; make someone else an owner first.");
    expect(await state.removeMember("u1")).toBe(false);
    expect(state.store.value.error).toContain("last owner");
    expect(state.store.value.signedOut).toBe(false);
    fail(401, "You are not signed in.");
    await state.revokeToken("none");
    expect(state.store.value.signedOut).toBe(true);
  });

  it("words the last use", () => {
    const now = Date.parse("2026-01-10T12:00:00Z");
    expect(lastUsed(null, now)).toBe("never used");
    expect(lastUsed("2026-01-10T11:59:30Z", now)).toBe("used just now");
    expect(lastUsed("2026-01-10T11:15:00Z", now)).toBe("used 45 min ago");
    expect(lastUsed("2026-01-10T02:00:00Z", now)).toBe("used 10 h ago");
    expect(lastUsed("2026-01-05T12:00:00Z", now)).toBe("used 5 days ago");
  });
});
