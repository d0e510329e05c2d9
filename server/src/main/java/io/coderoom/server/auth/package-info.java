/** Who may do what: roles, the interviewer API key, and signed room tokens with rotating keys. */
package io.coderoom.server.auth;
