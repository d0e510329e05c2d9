import { describe, expect, test } from "vitest";
import { linkTitle } from "../src/account/ClaimLink";
import { forgetLinkToken, takeLinkToken } from "../src/account/linkToken";
import { fromBase64url, toBase64url } from "../src/app/base64url";
import { creationOptions, passkeyFailure, requestOptions } from "../src/account/webauthn";

describe("the WebAuthn JSON form", () => {
  test("base64url round-trips every byte value, without padding or + and /", () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const text = toBase64url(bytes);
    expect(text).not.toMatch(/[+/=]/);
    expect([...fromBase64url(text)]).toEqual([...bytes]);
    expect(toBase64url(new Uint8Array([0xfb, 0xff]))).toBe("-_8");
    expect([...fromBase64url("AQI")]).toEqual([1, 2]);
  });

  test("creation options turn the challenge, user id and excluded credentials into bytes", () => {
    const options = creationOptions({
      rp: { id: "example.org", name: "Coderoom" },
      user: { id: "AwQ", name: "Ada", displayName: "Ada" },
      challenge: "AQI",
      pubKeyCredParams: [{ type: "public-key", alg: -7 }],
      timeout: 300000,
      excludeCredentials: [{ type: "public-key", id: "BQ" }],
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
      attestation: "none",
    });
    expect([...(options.challenge as Uint8Array)]).toEqual([1, 2]);
    expect([...(options.user.id as Uint8Array)]).toEqual([3, 4]);
    expect(options.user.name).toBe("Ada");
    expect([...(options.excludeCredentials![0].id as Uint8Array)]).toEqual([5]);
    expect(options.authenticatorSelection?.userVerification).toBe("required");
  });

  test("request options keep an empty allow list (any passkey of the site)", () => {
    const options = requestOptions({ challenge: "AQI", rpId: "example.org", allowCredentials: [], userVerification: "required" });
    expect(options.allowCredentials).toEqual([]);
    expect(options.rpId).toBe("example.org");
    expect([...(options.challenge as Uint8Array)]).toEqual([1, 2]);
  });

  test("a cancelled prompt and a second passkey on one device are explained", () => {
    expect(passkeyFailure(new DOMException("x", "NotAllowedError"))).toMatch(/cancelled or timed out/);
    expect(passkeyFailure(new DOMException("x", "InvalidStateError"))).toMatch(/already holds a passkey/);
    expect(passkeyFailure(new Error("The passkey's signature does not verify."))).toBe("The passkey's signature does not verify.");
  });
});

describe("one-time links", () => {
  test("each purpose says what the link grants", () => {
    expect(linkTitle({ purpose: "setup", expiresAt: "" })).toBe("Create the first administrator");
    expect(linkTitle({ purpose: "invitation", teamName: "Platform", expiresAt: "" })).toBe("Join Platform as interviewer");
    expect(linkTitle({ purpose: "invitation", teamName: "Platform", role: "admin", expiresAt: "" })).toBe("Join Platform as admin");
    expect(linkTitle({ purpose: "recovery", userName: "Ada", expiresAt: "" })).toBe("Recover access for Ada");
  });

  test("the token leaves the address bar but survives a reload until it is used", () => {
    history.replaceState(null, "", "/account/link#token=abc.def");
    expect(takeLinkToken()).toBe("abc.def");
    expect(location.hash).toBe("");
    expect(location.pathname).toBe("/account/link");
    expect(takeLinkToken()).toBe("abc.def");
    forgetLinkToken();
    expect(takeLinkToken()).toBeNull();
  });
});
