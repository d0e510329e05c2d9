package io.coderoom.server.sync.protocol;

import java.util.Optional;

/**
 * Who an event goes to: everyone in the room, the holders of a permission (hidden test details go
 * to those who may see hidden tests), or everyone who lacks it.
 *
 * @param permission the permission that decides; empty for everyone
 * @param holders whether recipients hold it (true) or lack it (false)
 */
public record Audience(Optional<Permission> permission, boolean holders) {
  public static final Audience EVERYONE = new Audience(Optional.empty(), true);

  public static Audience holdersOf(Permission permission) {
    return new Audience(Optional.of(permission), true);
  }

  public static Audience lackingOf(Permission permission) {
    return new Audience(Optional.of(permission), false);
  }

  /** Whether someone holding {@code held} is in the audience. */
  public boolean includes(java.util.Set<Permission> held) {
    return permission.isEmpty() || held.contains(permission.get()) == holders;
  }
}
