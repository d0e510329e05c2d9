/** A real Keycloak for the OpenID Connect sign-in tests, started once per test run. */
package io.coderoom.server.keycloak;
