import { describe, expect, it } from "vitest";
import { OIDC_ERRORS, oidcErrorSentence, oidcStartUrl } from "../src/account/oidc";

describe("provider sign-in", () => {
  it("starts at the server, carrying a one-time link's token when there is one", () => {
    expect(oidcStartUrl()).toBe("/api/auth/oidc/start");
    expect(oidcStartUrl("a+b/c=")).toBe("/api/auth/oidc/start?link=a%2Bb%2Fc%3D");
  });

  it("explains each refusal the server names, and any other in general terms", () => {
    expect(oidcErrorSentence("")).toBeNull();
    expect(oidcErrorSentence("?error=wrong_audience")).toMatch(/another application/);
    expect(oidcErrorSentence("?error=token_expired")).toMatch(/expired/);
    expect(oidcErrorSentence("?error=state_unknown")).toMatch(/already used/);
    expect(oidcErrorSentence("?error=nonce_mismatch")).toMatch(/another sign-in/);
    expect(oidcErrorSentence("?error=not_invited")).toMatch(/invitation link/);
    expect(oidcErrorSentence("?error=<script>")).toBe("Signing in did not work. Try again.");
  });

  it("has a sentence for every code the server sends", () => {
    // The codes of io.coderoom.server.account.oidc.SignInRefusal.
    const server = [
      "oidc_disabled", "provider_unreachable", "provider_error", "state_unknown", "login_expired",
      "browser_mismatch", "bad_signature", "wrong_issuer", "wrong_audience", "token_expired",
      "nonce_mismatch", "email_unverified", "not_invited", "link_invalid", "busy",
    ];
    expect(Object.keys(OIDC_ERRORS).sort()).toEqual([...server].sort());
  });
});
