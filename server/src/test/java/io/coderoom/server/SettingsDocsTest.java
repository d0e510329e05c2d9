package io.coderoom.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coderoom.runner.protocol.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The settings are declared once ({@link ServerSettings}, the agent's {@code AgentSettings}):
 * {@code coderoom.env.example} and the README's settings table are what {@link SettingsDocs} writes
 * from the declarations, and every {@code CODEROOM_} variable the server, the agent, the logging
 * configuration or the {@code ./coderoom} script names is declared. With {@code
 * -Dsettings.write=true} it rewrites both files.
 */
class SettingsDocsTest {
  private static final Path ROOT = Path.of("..");
  private static final Path ENV_EXAMPLE = ROOT.resolve("coderoom.env.example");
  private static final Path README = ROOT.resolve("README.md");

  /** Variables named in the code that are not settings of the product. */
  private static final Set<String> NOT_SETTINGS =
      Set.of(
          // Names the settings file itself.
          "CODEROOM_CONFIG",
          // Where ./coderoom keeps its state (secrets, pids, logs); read before the settings file.
          "CODEROOM_STATE_DIR",
          // The benchmarks' own Redis database (./coderoom bench).
          "CODEROOM_BENCH_REDIS_URL",
          // The server the web client's node scripts drive (web-client/e2e; ./coderoom compose
          // check).
          "CODEROOM_BASE_URL");

  /**
   * The compose deployment's own variables ({@code deploy/compose}, {@code ./coderoom compose}):
   * ports, folders and names that docker-compose and the script read, never the server or the
   * agent.
   */
  private static final String COMPOSE_PREFIX = "CODEROOM_COMPOSE_";

  private static final Pattern NAME = Pattern.compile("CODEROOM_[A-Z0-9_]*[A-Z0-9](?![A-Z0-9_])");

  @Test
  void theEnvExampleIsGeneratedFromTheDeclarations() throws IOException {
    String generated = SettingsDocs.envExample();
    if (Boolean.getBoolean("settings.write")) {
      Files.writeString(ENV_EXAMPLE, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(ENV_EXAMPLE, StandardCharsets.UTF_8))
        .as(
            "%s differs from the declared settings (ServerSettings, AgentSettings). Change the"
                + " declarations, not the file, and regenerate it with: %s",
            ENV_EXAMPLE, SettingsDocs.REGENERATE)
        .isEqualTo(generated);
  }

  @Test
  void theReadmeTableIsGeneratedFromTheDeclarations() throws IOException {
    String current = Files.readString(README, StandardCharsets.UTF_8);
    String generated = SettingsDocs.readme(current);
    if (Boolean.getBoolean("settings.write")) {
      Files.writeString(README, generated, StandardCharsets.UTF_8);
      current = generated;
    }
    assertThat(current)
        .as(
            "README.md's settings table differs from the declared settings (ServerSettings,"
                + " AgentSettings). Change the declarations, not the table, and regenerate it"
                + " with: %s",
            SettingsDocs.REGENERATE)
        .isEqualTo(generated);
  }

  @Test
  void everyVariableTheCodeNamesIsDeclared() {
    Set<String> declared = new TreeSet<>();
    for (Setting setting : SettingsDocs.all()) {
      declared.add(setting.name());
    }
    Set<String> named = new TreeSet<>();
    for (Path source :
        Stream.of(
                "server/src/main",
                "runner-agent/agent/src/main",
                "runner-agent/protocol/src/main",
                "coderoom",
                "deploy/dev")
            .map(ROOT::resolve)
            .flatMap(SettingsDocsTest::files)
            // Benchmarks set their own variables for the agents they start.
            .filter(p -> !p.toString().contains("/bench/"))
            .toList()) {
      Matcher m = NAME.matcher(read(source));
      while (m.find()) {
        named.add(m.group());
      }
    }
    named.removeAll(NOT_SETTINGS);
    named.removeIf(name -> name.startsWith(COMPOSE_PREFIX));
    assertThat(declared)
        .as("variables the code names but ServerSettings or AgentSettings does not declare")
        .containsAll(named);
  }

  /**
   * The defaults the {@code ./coderoom} script and its parts in {@code deploy/dev} ({@code :
   * "${NAME:=value}"}) and the logging configuration ({@code ${NAME:-value}}) write themselves are
   * the declared ones.
   */
  @Test
  void defaultsOutsideJavaAreTheDeclaredOnes() {
    java.util.Map<String, String> declared = new java.util.HashMap<>();
    for (Setting setting : SettingsDocs.all()) {
      declared.put(setting.name(), setting.defaultValue());
    }
    Pattern fallback = Pattern.compile("\\$\\{(CODEROOM_[A-Z0-9_]+):?[-=]([^}]*)}");
    int checked = 0;
    for (Path file :
        Stream.of("coderoom", "deploy/dev", "server/src/main/resources/logback.xml")
            .map(ROOT::resolve)
            .flatMap(SettingsDocsTest::files)
            .toList()) {
      Matcher m = fallback.matcher(read(file));
      while (m.find()) {
        String name = m.group(1);
        String value = m.group(2).replace("$ROOT/", "");
        if (NOT_SETTINGS.contains(name) || name.startsWith(COMPOSE_PREFIX) || value.contains("$")) {
          continue;
        }
        assertThat(value)
            .as("%s's default in %s (declared in ServerSettings or AgentSettings)", name, file)
            .isEqualTo(declared.get(name));
        checked++;
      }
    }
    assertThat(checked).as("defaults found outside Java").isGreaterThan(5);
  }

  private static Stream<Path> files(Path path) {
    try {
      return Files.isDirectory(path)
          ? Files.walk(path).filter(Files::isRegularFile).toList().stream()
          : Stream.of(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
