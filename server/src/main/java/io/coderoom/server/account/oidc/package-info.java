/**
 * OpenID Connect sign-in: provider discovery, the authorization code flow with PKCE, state and
 * nonce, and the checks an ID token must pass before it names a person.
 */
package io.coderoom.server.account.oidc;
