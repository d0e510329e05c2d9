/** The REST calls of the sign-in and one-time link pages. Errors carry the server's sentence. */
import { ApiError } from "../api";
import { authenticationJSON, creationOptions, registrationJSON, requestOptions, type CreationOptionsJSON, type RequestOptionsJSON } from "./webauthn";

async function post<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, json.error ?? "http_" + response.status, json.message ?? response.statusText);
  return json as T;
}

export interface AuthOptions {
  passkeys: boolean;
  oidc: { enabled: boolean; name: string };
  /** No account exists yet: the first administrator signs up through the setup link. */
  setupNeeded: boolean;
}

/** Which ways of signing in the server offers; passkeys only when it cannot say. */
export async function authOptions(): Promise<AuthOptions> {
  try {
    const response = await fetch("/api/auth/options", { headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(String(response.status));
    const json = await response.json();
    return {
      passkeys: json.passkeys !== false,
      oidc: { enabled: !!json.oidc?.enabled, name: String(json.oidc?.name ?? "") },
      setupNeeded: json.setupNeeded === true,
    };
  } catch {
    return { passkeys: true, oidc: { enabled: false, name: "" }, setupNeeded: false };
  }
}

export type LinkPurpose = "setup" | "invitation" | "recovery";

export interface LinkInfo {
  purpose: LinkPurpose;
  teamName?: string;
  userName?: string;
  role?: string;
  expiresAt: string;
}

export function inspectLink(token: string): Promise<LinkInfo> {
  return post<LinkInfo>("/api/auth/links/inspect", { token });
}

export interface SignedInAs {
  user: { id: string; name: string; email?: string | null };
  team: { id: string; name: string; role: string };
}

/** Creates a passkey on this device for the person a one-time link names, and signs them in. */
export async function registerWithLink(linkToken: string, name: string | undefined): Promise<SignedInAs> {
  const { ceremonyId, publicKey } = await post<{ ceremonyId: string; publicKey: CreationOptionsJSON }>("/api/auth/passkey/register/options", { linkToken, name });
  const credential = (await navigator.credentials.create({ publicKey: creationOptions(publicKey) })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException("no credential", "NotAllowedError");
  return post<SignedInAs>("/api/auth/passkey/register", { ceremonyId, credential: registrationJSON(credential), linkToken });
}

/** Adds a passkey on this device to the signed-in person's account. */
export async function addPasskey(passkeyName: string): Promise<SignedInAs> {
  const { ceremonyId, publicKey } = await post<{ ceremonyId: string; publicKey: CreationOptionsJSON }>("/api/auth/passkey/register/options", {});
  const credential = (await navigator.credentials.create({ publicKey: creationOptions(publicKey) })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException("no credential", "NotAllowedError");
  return post<SignedInAs>("/api/auth/passkey/register", { ceremonyId, credential: registrationJSON(credential), passkeyName });
}

/** Signs in with any passkey of this site the device holds. */
export async function signInWithPasskey(): Promise<SignedInAs> {
  const { ceremonyId, publicKey } = await post<{ ceremonyId: string; publicKey: RequestOptionsJSON }>("/api/auth/passkey/signin/options");
  const credential = (await navigator.credentials.get({ publicKey: requestOptions(publicKey) })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException("no credential", "NotAllowedError");
  return post<SignedInAs>("/api/auth/passkey/signin", { ceremonyId, credential: authenticationJSON(credential) });
}
