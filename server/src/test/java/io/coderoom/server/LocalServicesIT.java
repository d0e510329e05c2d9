package io.coderoom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL and Redis the suite runs against, as {@code ./coderoom test} provisions them, are
 * not open to every local user: Redis answers nothing without its password and has a memory limit,
 * and PostgreSQL refuses the password every installation used to share. The suite's own credentials
 * are the ones the script generated and exported.
 */
class LocalServicesIT {
  /** The PostgreSQL password every installation had before passwords were generated. */
  private static final String OLD_DEFAULT_PASSWORD = "coderoom";

  private final ServerConfig config = ServerConfig.fromEnv(System.getenv());

  @Test
  void redisRefusesClientsWithoutThePassword() throws Exception {
    RedisURI uri = RedisURI.create(config.redisUrl());
    assertThat(uri.getCredentialsProvider().resolveCredentials().block().hasPassword())
        .as("CODEROOM_REDIS_URL carries a password")
        .isTrue();
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\nGET runs:anything\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      assertThat(in.readLine()).startsWith("-NOAUTH");
      assertThat(in.readLine()).startsWith("-NOAUTH");
    }
  }

  @Test
  void redisTakesThePasswordAndHasAMemoryLimitThatEvictsNothing() {
    RedisClient client = RedisClient.create(RedisURI.create(config.redisUrl()));
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      assertThat(connection.sync().ping()).isEqualTo("PONG");
      Map<String, String> limits = connection.sync().configGet("maxmemory", "maxmemory-policy");
      assertThat(Long.parseLong(limits.get("maxmemory"))).as("maxmemory").isPositive();
      assertThat(limits.get("maxmemory-policy")).isEqualTo("noeviction");
    } finally {
      client.shutdown();
    }
  }

  @Test
  void postgresRefusesTheOldDefaultPassword() throws SQLException {
    assertThat(config.databasePassword()).isNotEqualTo(OLD_DEFAULT_PASSWORD);
    assertThatThrownBy(
            () ->
                DriverManager.getConnection(
                        config.databaseUrl(), config.databaseUser(), OLD_DEFAULT_PASSWORD)
                    .close())
        .isInstanceOf(SQLException.class)
        // invalid_password
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
    try (Connection connection =
        DriverManager.getConnection(
            config.databaseUrl(), config.databaseUser(), config.databasePassword())) {
      assertThat(connection.isValid(5)).isTrue();
    }
  }
}
