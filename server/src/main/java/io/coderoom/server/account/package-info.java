/**
 * Interviewers as people: users, the teams that own rooms, sessions behind a cookie, one-time links
 * (the first administrator, invitations, recovery), and who a request comes from ({@link
 * io.coderoom.server.account.Callers}). How a person proves who they are lives in the {@code
 * passkey} and {@code oidc} packages; candidates and observers never need an account.
 */
package io.coderoom.server.account;
