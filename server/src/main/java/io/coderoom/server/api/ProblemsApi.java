package io.coderoom.server.api;

import io.coderoom.runner.protocol.Languages;
import io.coderoom.server.account.Caller;
import io.coderoom.server.account.Callers;
import io.coderoom.server.account.SessionCookie;
import io.coderoom.server.auth.Role;
import io.coderoom.server.auth.RoomToken;
import io.coderoom.server.auth.RoomTokenCodec;
import io.coderoom.server.auth.TokenException;
import io.coderoom.server.problem.LibraryEntry;
import io.coderoom.server.problem.Problem;
import io.coderoom.server.problem.ProblemCategory;
import io.coderoom.server.problem.ProblemDifficulty;
import io.coderoom.server.problem.ProblemLibrary;
import io.coderoom.server.problem.ProblemPage;
import io.coderoom.server.problem.ProblemSearch;
import io.coderoom.server.problem.ProblemSource;
import io.coderoom.server.room.Principal;
import io.coderoom.server.room.RoomAccess;
import io.coderoom.server.transport.HttpResponses;
import io.coderoom.server.transport.Request;
import io.coderoom.server.transport.Router;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * {@code GET /api/problems} (search the library, a page of summaries) and {@code GET
 * /api/problems/{id}} (one problem: statement as Markdown and as safe HTML, signature, starter
 * code, examples). Anyone sees the curated problems; a team member (session or API token) or the
 * holder of an interviewer's link to one of the team's rooms also sees the team's published
 * problems, a member signed in with a session its drafts too. Hints and editorials are for members
 * and interviewers only; a team problem's tests and solutions for its members. Another team's
 * problem is not found, as for no problem at all.
 */
public final class ProblemsApi {
  static final int MAX_QUERY = 200;

  private final ProblemLibrary library;
  private final Languages languages;
  private final Callers callers;
  private final RoomAccess access;
  private final RoomTokenCodec codec;
  private final Executor executor;

  public ProblemsApi(
      ProblemLibrary library,
      Languages languages,
      Callers callers,
      RoomAccess access,
      RoomTokenCodec codec,
      Executor executor) {
    this.library = library;
    this.languages = languages;
    this.callers = callers;
    this.access = access;
    this.codec = codec;
    this.executor = executor;
  }

  public void register(Router router) {
    router.get("/api/problems", request -> ApiCalls.offLoop(executor, () -> search(request)));
    router.get("/api/problems/{id}", request -> ApiCalls.offLoop(executor, () -> get(request)));
  }

  private FullHttpResponse search(Request request) throws TokenException {
    ProblemViewer viewer = viewer(request);
    String text = request.queryParameter("q").orElse("").strip();
    if (text.length() > MAX_QUERY) {
      throw ApiError.badRequest(
          "invalid_field", "'q' must be at most " + MAX_QUERY + " characters.");
    }
    Optional<ProblemDifficulty> difficulty =
        request
            .queryParameter("difficulty")
            .filter(d -> !d.isEmpty())
            .map(d -> parse("difficulty", () -> ProblemDifficulty.of(d)));
    List<ProblemCategory> categories = new ArrayList<>();
    for (String value : request.query().getOrDefault("category", List.of())) {
      for (String slug : value.split(",")) {
        if (!slug.isBlank()) {
          categories.add(parse("category", () -> ProblemCategory.of(slug.strip())));
        }
      }
    }
    Optional<String> language = request.queryParameter("language").filter(l -> !l.isEmpty());
    if (language.isPresent() && languages.find(language.get()).isEmpty()) {
      throw ApiError.badRequest(
          "invalid_field",
          "'language' must be one of "
              + languages.all().stream().map(l -> l.id()).sorted().toList()
              + ".");
    }
    Optional<ProblemSource> source =
        request
            .queryParameter("source")
            .filter(s -> !s.isEmpty())
            .map(
                s ->
                    ProblemSource.of(s)
                        .orElseThrow(
                            () ->
                                ApiError.badRequest(
                                    "invalid_field", "'source' must be curated or team.")));
    int page = integer(request, "page", 1, 1, 100_000);
    int size = integer(request, "size", ProblemSearch.DEFAULT_SIZE, 1, ProblemSearch.MAX_SIZE);
    ProblemPage found =
        library.search(
            new ProblemSearch(
                text,
                difficulty,
                categories,
                language,
                source,
                viewer.team(),
                viewer.drafts(),
                page,
                size));
    List<Map<String, Object>> problems = new ArrayList<>();
    for (int i = 0; i < found.problems().size(); i++) {
      problems.add(ProblemJson.summary(found.problems().get(i), found.entries().get(i)));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("problems", problems);
    json.put("total", found.total());
    json.put("page", page);
    json.put("size", size);
    return privately(HttpResponses.json(HttpResponseStatus.OK, json));
  }

  private FullHttpResponse get(Request request) throws TokenException {
    ProblemViewer viewer = viewer(request);
    String id = request.pathParameter("id");
    LibraryEntry entry =
        library.entry(id).filter(e -> viewer.sees(e.teamId())).orElseThrow(() -> noProblem(id));
    boolean ownDrafts = viewer.drafts() && entry.teamId().isPresent();
    // The newest version a caller may read: a draft only for its team's signed-in members.
    int newest = ownDrafts ? entry.currentVersion() : entry.publishedVersion().orElse(0);
    Optional<String> asked = request.queryParameter("version");
    int version =
        asked.isPresent() ? parse("version", () -> Integer.parseInt(asked.get())) : newest;
    if (version < 1 || version > newest) {
      throw noProblem(id + (asked.isPresent() ? " version " + asked.get() : ""));
    }
    Problem problem = library.find(id, version).orElseThrow(() -> noProblem(id));
    return privately(
        HttpResponses.json(HttpResponseStatus.OK, ProblemJson.detail(problem, entry, viewer)));
  }

  /**
   * Who asks: a member by session or API token, the API key, an interviewer's room link (its room's
   * team), or no one. A credential that is sent but not valid is refused, not ignored, so a client
   * learns its link or session expired.
   */
  private ProblemViewer viewer(Request request) throws TokenException {
    Optional<String> bearer = Callers.bearer(request);
    boolean roomLink =
        bearer.isPresent()
            && !bearer.get().startsWith(Callers.API_TOKEN_PREFIX)
            && !access.isApiKey(bearer.get());
    if (roomLink) {
      RoomToken token = codec.verify(bearer.get());
      Principal principal = access.authenticateToRead(token.roomId(), bearer);
      if (principal.role() != Role.INTERVIEWER) {
        return ProblemViewer.ANONYMOUS;
      }
      Optional<String> team = library.roomTeam(token.roomId());
      return new ProblemViewer(team, false, true, false);
    }
    if (bearer.isEmpty() && SessionCookie.read(request.headers()).isEmpty()) {
      return ProblemViewer.ANONYMOUS;
    }
    return switch (callers.identify(request)) {
      case Caller.Member member ->
          new ProblemViewer(
              Optional.of(member.signedIn().team().teamId()),
              member.via() == Caller.Via.SESSION,
              true,
              true);
      case Caller.ApiKeyHolder key -> new ProblemViewer(Optional.empty(), false, true, false);
      case Caller.Anonymous anonymous ->
          bearer.isPresent()
              ? throwUnauthorized()
              // An expired session reads what everyone reads.
              : ProblemViewer.ANONYMOUS;
    };
  }

  private static ProblemViewer throwUnauthorized() {
    throw ApiError.unauthorized(
        "The API token or key is not valid; send a valid one, a room link, or none.");
  }

  private static FullHttpResponse privately(FullHttpResponse response) {
    // What a caller sees depends on who asks: no shared cache may keep it.
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "private, no-cache");
    return response;
  }

  private interface Parse<T> {
    T get();
  }

  private static <T> T parse(String field, Parse<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_field", "'" + field + "': " + e.getMessage());
    }
  }

  private static int integer(Request request, String name, int fallback, int min, int max) {
    Optional<String> value = request.queryParameter(name).filter(v -> !v.isEmpty());
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.get());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiError.badRequest(
        "invalid_field", "'" + name + "' must be a whole number from " + min + " to " + max + ".");
  }

  private static ApiError noProblem(String id) {
    return ApiError.notFound("There is no problem " + id + " (see GET /api/problems).");
  }
}
