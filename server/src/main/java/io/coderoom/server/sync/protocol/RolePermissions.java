package io.coderoom.server.sync.protocol;

import io.coderoom.server.auth.Role;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which permissions each role holds. {@link #DEFAULT} is Coderoom's: interviewers hold all,
 * candidates may attend, run code and write in the room's chat, observers may attend (they read the
 * room's chat, never the interviewers' channel). A team's own mapping is {@link #granting} more (or
 * {@link #of} another table) without touching a feature.
 */
public final class RolePermissions {
  public static final RolePermissions DEFAULT =
      of(
          Map.of(
              Role.INTERVIEWER, EnumSet.allOf(Permission.class),
              Role.CANDIDATE, EnumSet.of(Permission.ATTEND, Permission.RUN_CODE, Permission.CHAT),
              Role.OBSERVER, EnumSet.of(Permission.ATTEND)));

  private final Map<Role, Set<Permission>> held;

  private RolePermissions(Map<Role, Set<Permission>> held) {
    this.held = held;
  }

  /** A mapping of every role to its permissions (a role left out holds none). */
  public static RolePermissions of(Map<Role, ? extends Set<Permission>> table) {
    Map<Role, Set<Permission>> copy = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      Set<Permission> permissions = EnumSet.noneOf(Permission.class);
      if (table.containsKey(role)) {
        permissions.addAll(table.get(role));
      }
      copy.put(role, Set.copyOf(permissions));
    }
    return new RolePermissions(copy);
  }

  /** This mapping with {@code role} holding {@code more} as well. */
  public RolePermissions granting(Role role, Permission... more) {
    Map<Role, Set<Permission>> table = new EnumMap<>(held);
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    permissions.addAll(held.get(role));
    permissions.addAll(Arrays.asList(more));
    table.put(role, permissions);
    return of(table);
  }

  public boolean allows(Role role, Permission permission) {
    return held.get(role).contains(permission);
  }

  public Set<Permission> of(Role role) {
    return held.get(role);
  }
}
