/**
 * Passkeys: WebAuthn registration and sign-in ceremonies (checked by webauthn4j), the ceremonies
 * under way, and the stored credentials.
 */
package io.coderoom.server.account.passkey;
