package io.coderoom.server.account;

import java.util.Optional;

/** What an API token may do. A session may do everything its member may. */
public enum ApiScope {
  ROOMS_CREATE("rooms:create"),
  REPORTS_READ("reports:read");

  private final String wireName;

  ApiScope(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ApiScope> fromWireName(String name) {
    for (ApiScope scope : values()) {
      if (scope.wireName.equals(name)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }
}
