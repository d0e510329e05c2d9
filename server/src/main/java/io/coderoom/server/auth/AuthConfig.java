package io.coderoom.server.auth;

import io.coderoom.runner.protocol.Setting;
import io.coderoom.server.ServerSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Credentials and link lifetimes.
 *
 * @param apiKey {@code CODEROOM_API_KEY}: the interviewer credential that creates rooms
 * @param tokenKeys {@code CODEROOM_TOKEN_KEYS}: signing keys of room tokens ({@code
 *     kid:base64secret,...}, first signs); without it a random key lives as long as the process
 * @param candidateLinkTtl {@code CODEROOM_CANDIDATE_LINK_HOURS}: lifetime of candidate invites,
 *     default 24
 * @param staffLinkTtl {@code CODEROOM_STAFF_LINK_HOURS}: lifetime of interviewer and observer
 *     links, default 168 (a week)
 */
public record AuthConfig(
    ApiKey apiKey, TokenKeys tokenKeys, Duration candidateLinkTtl, Duration staffLinkTtl) {

  public AuthConfig {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(tokenKeys, "tokenKeys");
    Objects.requireNonNull(candidateLinkTtl, "candidateLinkTtl");
    Objects.requireNonNull(staffLinkTtl, "staffLinkTtl");
  }

  public static AuthConfig fromEnv(Map<String, String> env) {
    return new AuthConfig(
        ApiKey.of(env.get(ServerSettings.API_KEY.name())),
        ServerSettings.TOKEN_KEYS.value(env).map(TokenKeys::parse).orElseGet(TokenKeys::random),
        hours(env, ServerSettings.CANDIDATE_LINK_HOURS),
        hours(env, ServerSettings.STAFF_LINK_HOURS));
  }

  /** How long a newly issued link of this role lives. */
  public Duration linkTtl(Role role) {
    return role == Role.CANDIDATE ? candidateLinkTtl : staffLinkTtl;
  }

  private static Duration hours(Map<String, String> env, Setting setting) {
    String name = setting.name();
    String value = setting.read(env).trim();
    try {
      long hours = Long.parseLong(value);
      if (hours < 1) {
        throw new IllegalArgumentException(name + " must be at least 1 hour, was " + value);
      }
      return Duration.ofHours(hours);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a whole number of hours, was '" + value + "'");
    }
  }
}
