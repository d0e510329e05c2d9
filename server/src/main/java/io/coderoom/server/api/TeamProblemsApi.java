package io.coderoom.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.server.account.Callers;
import io.coderoom.server.account.SignedIn;
import io.coderoom.server.problem.LibraryEntry;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.ProblemArchive;
import io.coderoom.server.problem.ProblemBody;
import io.coderoom.server.problem.ProblemFolder;
import io.coderoom.server.problem.ProblemLibrary;
import io.coderoom.server.problem.ProblemValidator;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.Router;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A team's own problems: members write a problem (a draft version), validate it (its reference
 * solutions run on the agents against every test, in every language it offers) and publish it once
 * the current version passed; rooms of the team then pick it. The team's problems export as one zip
 * of folders and import from one, the format the curated set uses in the repository.
 *
 * <p>Every call needs a member's session; a problem of another team is answered as not found, so
 * its existence does not leak.
 */
public final class TeamProblemsApi {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Callers callers;
  private final ProblemLibrary library;
  private final ProblemValidator validator;
  private final Executor executor;

  public TeamProblemsApi(
      Callers callers, ProblemLibrary library, ProblemValidator validator, Executor executor) {
    this.callers = callers;
    this.library = library;
    this.validator = validator;
    this.executor = executor;
  }

  public void register(Router router) {
    router.post("/api/problems", request -> ApiCalls.offLoop(executor, () -> create(request)));
    router.put("/api/problems/{id}", request -> ApiCalls.offLoop(executor, () -> update(request)));
    router.get(
        "/api/problems/{id}/source", request -> ApiCalls.offLoop(executor, () -> source(request)));
    router.post("/api/problems/{id}/validate", this::validate);
    router.post(
        "/api/problems/{id}/publish",
        request -> ApiCalls.offLoop(executor, () -> publish(request)));
    router.get(
        "/api/team/problems/export", request -> ApiCalls.offLoop(executor, () -> export(request)));
    router.post(
        "/api/team/problems/import",
        request -> ApiCalls.offLoop(executor, () -> importArchive(request)));
  }

  private FullHttpResponse create(Request request) {
    SignedIn me = Members.bySession(callers, request);
    JsonBody body = JsonBody.of(request);
    String slug =
        body.optionalString("slug", 64)
            .orElseGet(() -> slug(body.node().path("problem").path("title").asText("")));
    LibraryEntry entry =
        refusing(
            () ->
                library.createDraft(
                    me.team().teamId(), ProblemBody.toFolder(slug, body.node()), actor(me)));
    return HttpResponses.json(HttpResponseStatus.CREATED, state(entry));
  }

  private FullHttpResponse update(Request request) {
    SignedIn me = Members.bySession(callers, request);
    LibraryEntry entry = teamProblem(me, request.pathParameter("id"));
    JsonBody body = JsonBody.of(request);
    refusing(
        () ->
            library.addVersion(
                entry.id(), ProblemBody.toFolder(entry.slug(), body.node()), actor(me)));
    return HttpResponses.json(
        HttpResponseStatus.OK, state(library.entry(entry.id()).orElseThrow()));
  }

  /** The newest version as the authoring page edits it: the folder as JSON, tests and all. */
  private FullHttpResponse source(Request request) {
    SignedIn me = Members.bySession(callers, request);
    LibraryEntry entry = teamProblem(me, request.pathParameter("id"));
    ProblemFolder folder = library.folder(entry.id(), entry.currentVersion()).orElseThrow();
    Map<String, Object> json = state(entry);
    json.put("source", ProblemBody.toJson(folder));
    FullHttpResponse response = HttpResponses.json(HttpResponseStatus.OK, json);
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    return response;
  }

  private CompletableFuture<FullHttpResponse> validate(Request request) {
    return ApiCalls.offLoopThen(
        executor,
        () -> {
          SignedIn me = Members.bySession(callers, request);
          LibraryEntry entry = teamProblem(me, request.pathParameter("id"));
          return library.latest(entry.id()).orElseThrow();
        },
        (Problem problem) ->
            validator
                .validate(problem)
                .thenApplyAsync(
                    validation -> {
                      library.recordValidation(
                          problem.id(),
                          validation.version(),
                          validation.passed(),
                          validation.json());
                      Map<String, Object> json = state(library.entry(problem.id()).orElseThrow());
                      return HttpResponses.json(HttpResponseStatus.OK, json);
                    },
                    executor));
  }

  private FullHttpResponse publish(Request request) {
    SignedIn me = Members.bySession(callers, request);
    LibraryEntry entry = teamProblem(me, request.pathParameter("id"));
    return switch (library.publish(entry.id(), actor(me))) {
      case PUBLISHED, ALREADY_PUBLISHED ->
          HttpResponses.json(HttpResponseStatus.OK, state(library.entry(entry.id()).orElseThrow()));
      case NOT_VALIDATED ->
          throw new ApiError(
              HttpResponseStatus.CONFLICT,
              "not_validated",
              "Version "
                  + entry.currentVersion()
                  + " has not passed its validation; validate it, fix what fails, then publish.");
      case NOT_FOUND -> throw ApiError.notFound("No such problem in your team.");
    };
  }

  private FullHttpResponse export(Request request) {
    SignedIn me = Members.bySession(callers, request);
    List<ProblemFolder> folders = new ArrayList<>();
    for (LibraryEntry entry : library.teamEntries(me.team().teamId())) {
      library.folder(entry.id(), entry.currentVersion()).ifPresent(folders::add);
    }
    byte[] zip = ProblemArchive.write(folders);
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(zip));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/zip");
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, zip.length);
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"problems.zip\"");
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    return response;
  }

  /**
   * Imports a zip of folders: a slug the team already has becomes that problem's next version, a
   * new one a new problem, each as a draft to validate and publish. Every folder is read first, so
   * one bad folder imports nothing.
   */
  private FullHttpResponse importArchive(Request request) {
    SignedIn me = Members.bySession(callers, request);
    String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
    if (!type.startsWith("application/zip")) {
      throw new ApiError(
          HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
          "unsupported_media_type",
          "Send the problems as a zip with 'Content-Type: application/zip'.");
    }
    List<ProblemFolder> folders =
        refusing(() -> ProblemArchive.read(new ByteArrayInputStream(request.body())));
    for (ProblemFolder folder : folders) {
      refusing(
          () -> {
            library.check(folder);
            return folder;
          });
    }
    Map<String, LibraryEntry> bySlug = new LinkedHashMap<>();
    library.teamEntries(me.team().teamId()).forEach(e -> bySlug.put(e.slug(), e));
    List<Map<String, Object>> imported = new ArrayList<>();
    for (ProblemFolder folder : folders) {
      LibraryEntry existing = bySlug.get(folder.slug());
      LibraryEntry entry;
      if (existing == null) {
        entry = library.createDraft(me.team().teamId(), folder, actor(me));
      } else {
        library.addVersion(existing.id(), folder, actor(me));
        entry = library.entry(existing.id()).orElseThrow();
      }
      imported.add(state(entry));
    }
    return HttpResponses.json(HttpResponseStatus.OK, Map.of("problems", imported));
  }

  private LibraryEntry teamProblem(SignedIn me, String id) {
    return library
        .entry(id)
        .filter(e -> e.teamId().equals(Optional.of(me.team().teamId())))
        .orElseThrow(() -> ApiError.notFound("No such problem in your team."));
  }

  /** Where a team problem stands: versions, status and the current version's validation. */
  private Map<String, Object> state(LibraryEntry entry) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", entry.id());
    json.put("slug", entry.slug());
    json.put("version", entry.currentVersion());
    json.put("publishedVersion", entry.publishedVersion().orElse(null));
    json.put("status", entry.status().slug());
    json.put(
        "validation",
        library
            .validation(entry.id(), entry.currentVersion())
            .map(v -> readTree(v.resultJson()))
            .orElse(null));
    return json;
  }

  private static Object readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String actor(SignedIn me) {
    return "user:" + me.user().id();
  }

  /** A folder name from a title: lower-case ASCII words joined by dashes. */
  static String slug(String title) {
    String ascii =
        Normalizer.normalize(title, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (ascii.length() > 56) {
      ascii = ascii.substring(0, 56).replaceAll("-+$", "");
    }
    if (ascii.length() < 2) {
      throw ApiError.badRequest(
          "invalid_field", "Give the problem a title (or a 'slug') of letters or digits.");
    }
    return ascii;
  }

  /** The library refuses with exceptions naming the problem and file; the caller gets a 400. */
  private static <T> T refusing(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_problem", e.getMessage());
    } catch (IllegalStateException e) {
      throw new ApiError(HttpResponseStatus.CONFLICT, "conflict", e.getMessage());
    }
  }
}
