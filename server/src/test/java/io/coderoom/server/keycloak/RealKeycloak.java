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

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KeycloakServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return shared(context);
  }

  /** The run's Keycloak, started the first time it is asked for. */
  public static KeycloakServer shared(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(KeycloakServer.class, type -> startOrFail(), KeycloakServer.class);
  }

  private static KeycloakServer startOrFail() {
    try {
      return KeycloakServer.start();
    } catch (Exception e) {
      throw new IllegalStateException("Keycloak did not start: " + e.getMessage(), e);
    }
  }
}
