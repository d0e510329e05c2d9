package io.coderoom.server.keycloak;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands test classes one Keycloak shared by every test of the run: it starts on first use (its
 * start costs about 18 s) and stops when the run ends. Use with
 * {@code @ExtendWith(RealKeycloak.class)} and a {@link KeycloakServer} parameter; {@link #shared}
 * serves code outside JUnit's parameters.
 */
public final class RealKeycloak implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RealKeycloak.class);

  /** The run's Keycloak, launched and perhaps still starting: {@code server().awaitReady()}. */
  public record Starting(KeycloakServer server) {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KeycloakServer.class || type == Starting.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    KeycloakServer server = launched(context);
    if (parameter.getParameter().getType() == Starting.class) {
      return new Starting(server);
    }
    try {
      return server.awaitReady();
    } catch (Exception e) {
      throw new IllegalStateException("Keycloak did not start: " + e.getMessage(), e);
    }
  }

  /** The run's Keycloak, launched the first time it is asked for. */
  private static KeycloakServer launched(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(KeycloakServer.class, type -> launchOrFail(), KeycloakServer.class);
  }

  private static KeycloakServer launchOrFail() {
    try {
      return KeycloakServer.launch();
    } catch (Exception e) {
      throw new IllegalStateException("Keycloak could not be launched: " + e.getMessage(), e);
    }
  }
}
