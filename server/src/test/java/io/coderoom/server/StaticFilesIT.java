package io.coderoom.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Static files: a site with known files for the HTTP semantics, and the real built client. */
@ExtendWith(NettyLeakGuard.class)
class StaticFilesIT {
  private static final String SCRIPT = "console.log('coderoom');\n".repeat(50);

  @TempDir static Path site;
  private static CoderoomServer server;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(site.resolve("index.html"), "<!doctype html><title>Coderoom</title>");
    Files.createDirectories(site.resolve("assets"));
    Files.writeString(site.resolve("assets/app-3f2a9c.js"), SCRIPT);
    Files.writeString(site.resolve("assets/app-3f2a9c.css"), "body{color:red}");
    Files.writeString(site.resolve("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    server =
        TestServers.start(
            TestServers.config().with(c -> c.webDirectory = site), InMemorySpanExporter.create());
    http = new Http(server.baseUri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void indexIsHtmlAndAlwaysRevalidated() throws Exception {
    HttpResponse<String> response = http.get("/");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(response.headers().firstValue("cache-control")).hasValue("no-cache");
    assertThat(response.body()).contains("<title>Coderoom</title>");
  }

  @Test
  void hashedAssetsAreCachedForeverWithTheirContentType() throws Exception {
    HttpResponse<String> script = http.get("/assets/app-3f2a9c.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("content-type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(script.headers().firstValue("cache-control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(script.body()).isEqualTo(SCRIPT);
    assertThat(http.get("/assets/app-3f2a9c.css").headers().firstValue("content-type"))
        .hasValue("text/css; charset=utf-8");
    assertThat(http.get("/favicon.svg").headers().firstValue("content-type"))
        .hasValue("image/svg+xml");
  }

  @Test
  void gzipWhenTheClientAcceptsIt() throws Exception {
    HttpResponse<byte[]> response =
        http.getBytes("/assets/app-3f2a9c.js", "Accept-Encoding", "gzip");
    assertThat(response.headers().firstValue("content-encoding")).hasValue("gzip");
    assertThat(response.headers().firstValue("vary")).hasValue("accept-encoding");
    assertThat(response.body().length).isLessThan(SCRIPT.length());
    try (var gunzip = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      assertThat(new String(gunzip.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(SCRIPT);
    }
  }

  @Test
  void matchingEtagGets304() throws Exception {
    String etag = http.get("/index.html").headers().firstValue("etag").orElseThrow();
    HttpResponse<String> again = http.get("/index.html", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(http.get("/index.html", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
  }

  @Test
  void appPagesFallBackToIndexButMissingFilesAre404() throws Exception {
    HttpResponse<String> page = http.get("/rooms/abc123");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>Coderoom</title>");

    HttpResponse<String> missingAsset = http.get("/assets/gone-123.js");
    assertThat(missingAsset.statusCode()).isEqualTo(404);
    assertThat(Http.json(missingAsset).path("error").asText()).isEqualTo("not_found");
    assertThat(http.get("/robots.txt").statusCode()).isEqualTo(404);
  }

  @Test
  void pathsCannotEscapeTheSite() throws Exception {
    assertThat(http.get("/..%2f..%2fetc%2fpasswd").body()).doesNotContain("root:");
    assertThat(http.get("/assets/..%2F..%2Findex.html").statusCode()).isEqualTo(404);
  }

  @Test
  void headGetsHeadersWithoutBody() throws Exception {
    HttpResponse<String> response = http.send("HEAD", "/assets/app-3f2a9c.js");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValueAsLong("content-length")).hasValue(SCRIPT.length());
    assertThat(response.body()).isEmpty();
  }

  @Test
  void theBuiltWebClientIsServedWithEveryAssetItReferences() throws Exception {
    Path dist = TestServers.builtWebClient();
    assertThat(dist.resolve("index.html"))
        .as("the reactor builds web-client before server")
        .exists();
    try (CoderoomServer real =
        TestServers.start(TestServers.config(), InMemorySpanExporter.create())) {
      Http client = new Http(real.baseUri());
      HttpResponse<String> index = client.get("/");
      assertThat(index.statusCode()).isEqualTo(200);
      Matcher assets = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"").matcher(index.body());
      int count = 0;
      while (assets.find()) {
        HttpResponse<String> asset = client.get(assets.group(1));
        assertThat(asset.statusCode()).as(assets.group(1)).isEqualTo(200);
        assertThat(asset.headers().firstValue("cache-control").orElseThrow()).contains("immutable");
        count++;
      }
      assertThat(count).as("assets referenced by index.html").isGreaterThanOrEqualTo(2);
    }
  }
}
