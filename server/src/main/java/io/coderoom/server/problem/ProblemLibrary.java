package io.coderoom.server.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.coderoom.server.store.StoredText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The problem library in PostgreSQL: the curated problems imported from the server's folders at
 * start and the problems teams write, each with its versions. A version never changes once written
 * (a room and a run record the one they used), so the versions read are kept in memory for good;
 * which version is current or published is always asked of the database, so every server of a
 * cluster agrees. Every call blocks: run it off the event loops.
 *
 * <p>Ids: a curated problem's id is its slug ({@code two-sum}); a team problem's is {@code team-<8
 * lowercase hex>-<slug>}, the hex drawn once when the problem is created, so the id stays the same
 * across versions and renames nothing when a team imports the problem elsewhere.
 */
public final class ProblemLibrary {
  private static final Logger log = LoggerFactory.getLogger(ProblemLibrary.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {};
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Who the curated import is recorded as. */
  public static final String SERVER = "server";

  /** Serialises the curated imports of servers starting together. */
  private static final long IMPORT_LOCK = 0x636f6465726f6f6dL;

  private static final String ENTRY_COLUMNS =
      "p.id, p.team_id, p.slug, p.current_version, p.published_version, p.status, p.updated_by,"
          + " p.updated_at";

  private final Jdbi jdbi;
  private final ProblemReader reader;
  private final Clock clock;
  private final Map<ProblemRef, Problem> versions = new ConcurrentHashMap<>();

  public ProblemLibrary(Jdbi jdbi, ProblemReader reader, Clock clock) {
    this.jdbi = jdbi;
    this.reader = reader;
    this.clock = clock;
  }

  /** What the import of the curated folders did. */
  public record ImportResult(List<ProblemRef> added, int unchanged) {
    public ImportResult {
      added = List.copyOf(added);
    }
  }

  /**
   * Imports the curated folders: a folder seen for the first time becomes version 1 of its problem,
   * a folder whose content changed becomes the next version, and an unchanged one is left alone.
   * Curated problems are published as imported (the test suite proves their reference solutions). A
   * folder that does not read stops the start, naming the problem and file.
   */
  public ImportResult importCurated(List<ProblemFolder> folders) {
    List<Problem> read = new ArrayList<>();
    for (ProblemFolder folder : folders) {
      read.add(reader.read(folder.slug(), folder));
    }
    Instant now = now();
    List<ProblemRef> added = new ArrayList<>();
    int unchanged =
        jdbi.inTransaction(
            h -> {
              h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked")
                  .bind("key", IMPORT_LOCK)
                  .mapTo(Integer.class)
                  .one();
              int same = 0;
              for (int i = 0; i < folders.size(); i++) {
                ProblemFolder folder = folders.get(i);
                Problem problem = read.get(i);
                String hash = hash(folder);
                Optional<LibraryEntry> entry = entry(h, folder.slug(), true);
                if (entry.isPresent() && entry.get().teamId().isPresent()) {
                  throw new IllegalStateException(folder.slug() + " is a team problem's id");
                }
                if (entry.isPresent()
                    && currentHash(h, folder.slug(), entry.get().currentVersion())
                        .filter(hash::equals)
                        .isPresent()) {
                  same++;
                  continue;
                }
                int version = entry.map(e -> e.currentVersion() + 1).orElse(1);
                if (entry.isEmpty()) {
                  insertProblem(h, folder.slug(), Optional.empty(), folder.slug(), SERVER, now);
                }
                insertVersion(h, folder.slug(), version, folder, problem, hash, SERVER, now);
                h.createUpdate(
                        "UPDATE problems SET current_version = :v, published_version = :v,"
                            + " status = 'published', updated_by = :by, updated_at = :now"
                            + " WHERE id = :id")
                    .bind("v", version)
                    .bind("by", SERVER)
                    .bind("now", Timestamp.from(now))
                    .bind("id", folder.slug())
                    .execute();
                added.add(new ProblemRef(folder.slug(), version));
              }
              return same;
            });
    if (!added.isEmpty()) {
      log.info("imported {} curated problem versions, {} unchanged", added.size(), unchanged);
    }
    return new ImportResult(added, unchanged);
  }

  /**
   * The problem at the version a room gets when it picks it now: the published version, curated or
   * a team's. Empty when there is no such problem or it was never published.
   */
  public Optional<Problem> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    return entry(id).flatMap(LibraryEntry::publishedVersion).flatMap(version -> find(id, version));
  }

  /**
   * The published problem a room of this team may pick: a curated one, or one of the team's own
   * (another team's problems are not found). A room of no team (made with the API key) picks
   * curated problems only.
   */
  public Optional<Problem> findFor(Optional<String> teamId, String id) {
    return entry(id)
        .filter(e -> e.teamId().isEmpty() || e.teamId().equals(teamId))
        .flatMap(LibraryEntry::publishedVersion)
        .flatMap(version -> find(id, version));
  }

  /** {@link #findFor} for the team that owns the room. */
  public Optional<Problem> findForRoom(String roomId, String id) {
    return findFor(roomTeam(roomId), id);
  }

  /** The team that owns a room, whose problems its interviewers may pick and read. */
  public Optional<String> roomTeam(String roomId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT team_id FROM rooms WHERE id = :room")
                .bind("room", roomId)
                .map((rs, ctx) -> Optional.ofNullable(rs.getString(1)))
                .findOne()
                .flatMap(t -> t));
  }

  /** One version of a problem, published or draft; versions never change, so it is cached. */
  public Optional<Problem> find(String id, int version) {
    if (id == null || version < 1) {
      return Optional.empty();
    }
    ProblemRef ref = new ProblemRef(id, version);
    Problem cached = versions.get(ref);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Problem> loaded =
        jdbi.withHandle(
                h ->
                    h.createQuery(
                            "SELECT files::text FROM problem_versions"
                                + " WHERE problem_id = :id AND version = :version")
                        .bind("id", id)
                        .bind("version", version)
                        .mapTo(String.class)
                        .findOne())
            .map(files -> read(id, version, files));
    loaded.ifPresent(problem -> versions.putIfAbsent(ref, problem));
    return loaded;
  }

  /** A recorded reference: the version a room or run used. */
  public Optional<Problem> find(ProblemRef ref) {
    return find(ref.id(), ref.version());
  }

  /** The newest version of a problem, draft or not: what its team's authors edit. */
  public Optional<Problem> latest(String id) {
    return entry(id).flatMap(e -> find(id, e.currentVersion()));
  }

  /** The library's entry of a problem: owner, current and published versions. */
  public Optional<LibraryEntry> entry(String id) {
    if (id == null) {
      return Optional.empty();
    }
    return jdbi.withHandle(h -> entry(h, id, false));
  }

  /** The files of one version, as written: what an export writes out. */
  public Optional<ProblemFolder> folder(String id, int version) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT p.slug, v.files::text FROM problems p JOIN problem_versions v"
                        + " ON v.problem_id = p.id WHERE p.id = :id AND v.version = :version")
                .bind("id", id)
                .bind("version", version)
                .map((rs, ctx) -> new ProblemFolder(rs.getString(1), files(rs.getString(2))))
                .findOne());
  }

  /**
   * Searches the problems the caller may see: published curated problems, the published problems of
   * {@link ProblemSearch#team()}, and with {@link ProblemSearch#drafts()} that team's newest
   * versions, drafts included. Team problems first, then by difficulty and title.
   */
  public ProblemPage search(ProblemSearch search) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT "
                + ENTRY_COLUMNS
                + ", v.version, count(*) OVER () AS total FROM problems p JOIN problem_versions v"
                + " ON v.problem_id = p.id AND v.version = CASE WHEN :drafts AND p.team_id = :team"
                + " THEN p.current_version ELSE p.published_version END"
                + " WHERE (p.team_id IS NULL OR p.team_id = :team)");
    if (!search.text().isBlank()) {
      sql.append(" AND v.search_text LIKE :text ESCAPE '!'");
    }
    search.difficulty().ifPresent(d -> sql.append(" AND v.difficulty = :difficulty"));
    if (!search.categories().isEmpty()) {
      sql.append(" AND v.categories && CAST(:categories AS text[])");
    }
    search.language().ifPresent(l -> sql.append(" AND :language = ANY (v.languages)"));
    search
        .source()
        .ifPresent(
            s ->
                sql.append(
                    s == ProblemSource.CURATED
                        ? " AND p.team_id IS NULL"
                        : " AND p.team_id IS NOT NULL"));
    sql.append(
        " ORDER BY p.team_id IS NULL, CASE v.difficulty WHEN 'easy' THEN 0 WHEN 'medium' THEN 1"
            + " ELSE 2 END, lower(v.title), p.id LIMIT :limit OFFSET :offset");
    record Row(LibraryEntry entry, int version, int total) {}
    List<Row> rows =
        jdbi.withHandle(
            h -> {
              Query query =
                  h.createQuery(sql.toString())
                      .bind("drafts", search.drafts())
                      .bind("team", search.team().orElse(null))
                      .bind("limit", search.size())
                      .bind("offset", (long) (search.page() - 1) * search.size());
              if (!search.text().isBlank()) {
                query.bind("text", "%" + likeEscaped(normalised(search.text().strip())) + "%");
              }
              search.difficulty().ifPresent(d -> query.bind("difficulty", d.slug()));
              if (!search.categories().isEmpty()) {
                query.bindArray(
                    "categories",
                    String.class,
                    search.categories().stream().map(ProblemCategory::slug).toList());
              }
              search.language().ifPresent(l -> query.bind("language", l));
              return query
                  .map((rs, ctx) -> new Row(entry(rs), rs.getInt("version"), rs.getInt("total")))
                  .list();
            });
    List<Problem> problems = new ArrayList<>();
    List<LibraryEntry> entries = new ArrayList<>();
    for (Row row : rows) {
      find(row.entry().id(), row.version())
          .ifPresent(
              problem -> {
                problems.add(problem);
                entries.add(row.entry());
              });
    }
    int total = rows.isEmpty() ? count(search) : rows.get(0).total();
    return new ProblemPage(problems, entries, total);
  }

  /** A page past the last still reports how many there are. */
  private int count(ProblemSearch search) {
    if (search.page() == 1) {
      return 0;
    }
    return search(
            new ProblemSearch(
                search.text(),
                search.difficulty(),
                search.categories(),
                search.language(),
                search.source(),
                search.team(),
                search.drafts(),
                1,
                1))
        .total();
  }

  /**
   * Reads a folder as the library would store it, refusing it as {@link #createDraft} would: an
   * import checks every folder before it writes any.
   */
  public void check(ProblemFolder folder) {
    reader.read(folder.slug(), folder);
  }

  /**
   * Creates a team's problem from a folder, as version 1 in draft: its id is {@code team-<8
   * hex>-<slug>}. The folder is read (and refused with a clear message) first.
   *
   * @throws IllegalArgumentException if the folder does not read as a problem
   * @throws IllegalStateException if the team already has a problem with this slug
   */
  public LibraryEntry createDraft(String teamId, ProblemFolder folder, String actor) {
    String id = "team-" + HexFormat.of().toHexDigits(RANDOM.nextInt()) + "-" + folder.slug();
    Problem problem = reader.read(id, folder);
    Instant now = now();
    return jdbi.inTransaction(
        h -> {
          boolean taken =
              h.createQuery("SELECT 1 FROM problems WHERE team_id = :team AND slug = :slug")
                  .bind("team", teamId)
                  .bind("slug", folder.slug())
                  .mapTo(Integer.class)
                  .findOne()
                  .isPresent();
          if (taken) {
            throw new IllegalStateException(
                "the team already has a problem named " + folder.slug());
          }
          insertProblem(h, id, Optional.of(teamId), folder.slug(), actor, now);
          insertVersion(h, id, 1, folder, problem, hash(folder), actor, now);
          return entry(h, id, false).orElseThrow();
        });
  }

  /**
   * Adds the next version of a team problem from a folder, as a draft: rooms keep the published
   * version until this one is validated and published. The folder's name must stay the problem's
   * slug.
   *
   * @return the new version
   * @throws IllegalArgumentException if the folder does not read as a problem or renames it
   * @throws IllegalStateException if there is no such team problem
   */
  public int addVersion(String id, ProblemFolder folder, String actor) {
    Problem problem = reader.read(id, folder);
    Instant now = now();
    return jdbi.inTransaction(
        h -> {
          LibraryEntry entry =
              entry(h, id, true)
                  .filter(e -> e.teamId().isPresent())
                  .orElseThrow(() -> new IllegalStateException("no team problem " + id));
          if (!entry.slug().equals(folder.slug())) {
            throw new IllegalArgumentException(
                "the folder is " + folder.slug() + " but the problem is " + entry.slug());
          }
          int version = entry.currentVersion() + 1;
          insertVersion(h, id, version, folder, problem, hash(folder), actor, now);
          h.createUpdate(
                  "UPDATE problems SET current_version = :v, status = 'draft', updated_by = :by,"
                      + " updated_at = :now WHERE id = :id")
              .bind("v", version)
              .bind("by", actor)
              .bind("now", Timestamp.from(now))
              .bind("id", id)
              .execute();
          return version;
        });
  }

  /**
   * Records the result of validating a version (its reference solutions run against its tests).
   *
   * @param result the validation's report as JSON-serialisable data, per language and failing case
   * @return false if there is no such version
   */
  public boolean recordValidation(String id, int version, boolean passed, Object result) {
    Instant now = now();
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE problem_versions SET validation = CAST(:result AS jsonb),"
                            + " validation_passed = :passed, validated_at = :now"
                            + " WHERE problem_id = :id AND version = :version")
                    .bind("result", StoredText.json(result))
                    .bind("passed", passed)
                    .bind("now", Timestamp.from(now))
                    .bind("id", id)
                    .bind("version", version)
                    .execute())
        == 1;
  }

  /** The last validation of a version, if it was validated. */
  public Optional<Validation> validation(String id, int version) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT validation_passed, validation::text, validated_at FROM problem_versions"
                        + " WHERE problem_id = :id AND version = :version"
                        + " AND validated_at IS NOT NULL")
                .bind("id", id)
                .bind("version", version)
                .map(
                    (rs, ctx) ->
                        new Validation(
                            rs.getBoolean(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .findOne());
  }

  /**
   * The last validation of a version.
   *
   * @param passed every reference solution passed every test
   * @param resultJson the report as recorded
   * @param at when
   */
  public record Validation(boolean passed, String resultJson, Instant at) {}

  /** What a publish came to. */
  public enum PublishOutcome {
    PUBLISHED,
    /** Its current version was already the published one. */
    ALREADY_PUBLISHED,
    /** The current version was not validated, or failed its validation. */
    NOT_VALIDATED,
    NOT_FOUND
  }

  /**
   * Publishes a team problem's current version, only if that version passed its validation; from
   * then on rooms that pick the problem get this version (rooms that picked it before keep theirs).
   */
  public PublishOutcome publish(String id, String actor) {
    Instant now = now();
    return jdbi.inTransaction(
        h -> {
          Optional<LibraryEntry> found = entry(h, id, true).filter(e -> e.teamId().isPresent());
          if (found.isEmpty()) {
            return PublishOutcome.NOT_FOUND;
          }
          LibraryEntry entry = found.get();
          if (entry.publishedVersion().equals(Optional.of(entry.currentVersion()))) {
            return PublishOutcome.ALREADY_PUBLISHED;
          }
          boolean passed =
              h.createQuery(
                      "SELECT validation_passed FROM problem_versions"
                          + " WHERE problem_id = :id AND version = :version")
                  .bind("id", id)
                  .bind("version", entry.currentVersion())
                  .mapTo(Boolean.class)
                  .findOne()
                  .map(Boolean.TRUE::equals)
                  .orElse(false);
          if (!passed) {
            return PublishOutcome.NOT_VALIDATED;
          }
          h.createUpdate(
                  "UPDATE problems SET published_version = current_version, status = 'published',"
                      + " updated_by = :by, updated_at = :now WHERE id = :id")
              .bind("by", actor)
              .bind("now", Timestamp.from(now))
              .bind("id", id)
              .execute();
          return PublishOutcome.PUBLISHED;
        });
  }

  /** Every problem of a team, newest versions: what an export writes out. */
  public List<LibraryEntry> teamEntries(String teamId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + ENTRY_COLUMNS
                        + " FROM problems p WHERE p.team_id = :team"
                        + " ORDER BY p.slug")
                .bind("team", teamId)
                .map((rs, ctx) -> entry(rs))
                .list());
  }

  private static void insertProblem(
      Handle h, String id, Optional<String> teamId, String slug, String actor, Instant now) {
    h.createUpdate(
            "INSERT INTO problems (id, team_id, slug, current_version, published_version, status,"
                + " created_by, created_at, updated_by, updated_at) VALUES (:id, :team, :slug, 1,"
                + " NULL, 'draft', :by, :now, :by, :now)")
        .bind("id", id)
        .bind("team", teamId.orElse(null))
        .bind("slug", slug)
        .bind("by", actor)
        .bind("now", Timestamp.from(now))
        .execute();
  }

  private static void insertVersion(
      Handle h,
      String id,
      int version,
      ProblemFolder folder,
      Problem problem,
      String hash,
      String actor,
      Instant now) {
    h.createUpdate(
            "INSERT INTO problem_versions (problem_id, version, files, content_hash, title,"
                + " difficulty, categories, languages, search_text, created_by, created_at)"
                + " VALUES (:id, :version, CAST(:files AS jsonb), :hash, :title, :difficulty,"
                + " :categories, :languages, :searchText, :by, :now)")
        .bind("id", id)
        .bind("version", version)
        .bind("files", StoredText.json(folder.files()))
        .bind("hash", hash)
        .bind("title", problem.title())
        .bind("difficulty", problem.difficulty().slug())
        .bindArray(
            "categories",
            String.class,
            problem.categories().stream().map(ProblemCategory::slug).toList())
        .bindArray("languages", String.class, problem.languages())
        .bind("searchText", normalised(problem.title() + "\n" + problem.statement()))
        .bind("by", actor)
        .bind("now", Timestamp.from(now))
        .execute();
  }

  private static Optional<String> currentHash(Handle h, String id, int version) {
    return h.createQuery(
            "SELECT content_hash FROM problem_versions WHERE problem_id = :id AND version = :v")
        .bind("id", id)
        .bind("v", version)
        .mapTo(String.class)
        .findOne();
  }

  private static Optional<LibraryEntry> entry(Handle h, String id, boolean forUpdate) {
    return h.createQuery(
            "SELECT "
                + ENTRY_COLUMNS
                + " FROM problems p WHERE p.id = :id"
                + (forUpdate ? " FOR UPDATE" : ""))
        .bind("id", id)
        .map((rs, ctx) -> entry(rs))
        .findOne();
  }

  private static LibraryEntry entry(ResultSet rs) throws SQLException {
    int published = rs.getInt("published_version");
    boolean unpublished = rs.wasNull();
    return new LibraryEntry(
        rs.getString("id"),
        Optional.ofNullable(rs.getString("team_id")),
        rs.getString("slug"),
        rs.getInt("current_version"),
        unpublished ? Optional.empty() : Optional.of(published),
        ProblemStatus.of(rs.getString("status")),
        rs.getString("updated_by"),
        rs.getTimestamp("updated_at").toInstant());
  }

  private Problem read(String id, int version, String filesJson) {
    Map<String, String> files = files(filesJson);
    // The slug is the folder's name; a team problem's id ends with it.
    String slug = id.startsWith("team-") ? id.substring("team-".length() + 9) : id;
    return reader.read(id, new ProblemFolder(slug, files)).withVersion(version);
  }

  private static Map<String, String> files(String json) {
    try {
      return JSON.readValue(json, FILES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored problem's files are not a JSON object", e);
    }
  }

  /** SHA-256 of the folder's paths and contents, in path order. */
  static String hash(ProblemFolder folder) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      folder
          .files()
          .forEach(
              (path, text) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
              });
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lower case, so LIKE finds words whatever their case. */
  private static String normalised(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
