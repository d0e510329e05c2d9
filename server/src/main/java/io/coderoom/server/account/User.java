package io.coderoom.server.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person with an account: an interviewer, or someone who manages a team.
 *
 * @param id unguessable id
 * @param name how the product shows them
 * @param email where they can be reached, when known (an OIDC provider's verified address)
 * @param createdAt when the account was made
 */
public record User(String id, String name, Optional<String> email, Instant createdAt) {
  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
