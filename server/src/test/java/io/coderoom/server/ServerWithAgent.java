package io.coderoom.server;

import io.coderoom.runner.agent.AgentConfig;
import io.coderoom.runner.agent.RunnerAgent;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server and one runner agent with two slots, shared by the tests of a class: registered as a
 * static {@code @RegisterExtension} field, it starts both before the class's {@code @BeforeAll}
 * methods and closes them after its {@code @AfterAll} ones.
 */
public final class ServerWithAgent implements BeforeAllCallback, AfterAllCallback {
  private final String agentName;
  private CoderoomServer server;
  private RunnerAgent agent;
  private Http http;

  /** {@code agentName} starts the agent's id, so its jobs and logs tell which class ran them. */
  public ServerWithAgent(String agentName) {
    this.agentName = agentName;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    ServerConfig config = TestServers.config();
    server = TestServers.start(config, InMemorySpanExporter.create());
    agent =
        RunnerAgent.start(
            AgentConfig.of(config.redisUrl(), agentName + "-" + UUID.randomUUID(), "test", 2));
    http = new Http(server.baseUri());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    agent.close();
    server.close();
  }

  public URI baseUri() {
    return server.baseUri();
  }

  /** A GET of the server's REST API. */
  public HttpResponse<String> get(String path, String... headers) throws Exception {
    return http.get(path, headers);
  }

  /** A POST of {@code json} to the server's REST API. */
  public HttpResponse<String> post(String path, String json, String... headers) throws Exception {
    return http.post(path, json, headers);
  }
}
