package io.coderoom.server.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coderoom.runner.protocol.Languages;
import io.coderoom.server.TestDatabase;
import io.coderoom.server.room.Ids;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library against the real PostgreSQL: the curated import is idempotent and versions changed
 * folders, versions never change, team problems stay with their team, and search filters and pages.
 * The problems it writes carry slugs of their own and are deleted afterwards.
 */
class ProblemLibraryIT {
  private static TestDatabase database;
  private static Jdbi jdbi;
  private static ProblemLibrary library;
  private static final String PREFIX =
      "lib-it-" + java.util.HexFormat.of().toHexDigits(new java.security.SecureRandom().nextInt());
  private static String team;
  private static String otherTeam;

  @BeforeAll
  static void open() {
    database = TestDatabase.open();
    jdbi = database.jdbi();
    library = new ProblemLibrary(jdbi, new ProblemReader(Languages.builtIn()), Clock.systemUTC());
    team = Ids.random();
    otherTeam = Ids.random();
    jdbi.useHandle(
        h -> {
          h.execute("INSERT INTO teams (id, name) VALUES (?, 'library one')", team);
          h.execute("INSERT INTO teams (id, name) VALUES (?, 'library two')", otherTeam);
        });
  }

  @AfterAll
  static void close() {
    jdbi.useHandle(
        h -> {
          h.execute("DELETE FROM problems WHERE slug LIKE ?", PREFIX + "%");
          h.execute("DELETE FROM teams WHERE id IN (?, ?)", team, otherTeam);
        });
    database.close();
  }

  private static ProblemFolder folder(String slug, String statement) {
    return TestProblems.twoSumCopy(slug, statement);
  }

  private static ProblemFolder titled(String slug, String title, String difficulty) {
    return TestProblems.twoSumCopy(slug, "# " + title + "\n\nFind it.", title, difficulty);
  }

  @Test
  void theCuratedImportAddsNothingTheSecondTime() {
    library.importCurated(CuratedProblems.folders());
    ProblemLibrary.ImportResult again = library.importCurated(CuratedProblems.folders());

    assertThat(again.added()).isEmpty();
    assertThat(again.unchanged()).isEqualTo(CuratedProblems.folders().size());
    Problem twoSum = library.find("two-sum").orElseThrow();
    assertThat(twoSum.title()).isEqualTo(TestProblems.curated("two-sum").title());
    assertThat(library.entry("two-sum").orElseThrow().status()).isEqualTo(ProblemStatus.PUBLISHED);
  }

  @Test
  void aChangedCuratedFolderBecomesTheNextVersionAndTheOldOneStaysAsItWas() {
    String slug = PREFIX + "-curated";
    ProblemLibrary.ImportResult first =
        library.importCurated(List.of(folder(slug, "The first statement.")));
    assertThat(first.added()).containsExactly(new ProblemRef(slug, 1));

    assertThat(library.importCurated(List.of(folder(slug, "The first statement."))).added())
        .isEmpty();
    ProblemLibrary.ImportResult changed =
        library.importCurated(List.of(folder(slug, "The second statement.")));

    assertThat(changed.added()).containsExactly(new ProblemRef(slug, 2));
    assertThat(library.find(slug).orElseThrow().statement()).isEqualTo("The second statement.");
    assertThat(library.find(slug).orElseThrow().version()).isEqualTo(2);
    // Read afresh from the database, not the cache: version 1 is what it was.
    ProblemLibrary fresh =
        new ProblemLibrary(jdbi, new ProblemReader(Languages.builtIn()), Clock.systemUTC());
    assertThat(fresh.find(slug, 1).orElseThrow().statement()).isEqualTo("The first statement.");
    assertThat(fresh.find(slug, 1).orElseThrow().version()).isEqualTo(1);
    assertThat(fresh.find(slug, 3)).isEmpty();
  }

  @Test
  void aFolderThatDoesNotReadStopsTheImportNamingIt() {
    Map<String, String> files = new HashMap<>(folder(PREFIX + "-broken", "x").files());
    files.remove("tests.json");
    ProblemFolder broken = new ProblemFolder(PREFIX + "-broken", files);

    assertThatThrownBy(() -> library.importCurated(List.of(broken)))
        .hasMessageContaining(PREFIX + "-broken")
        .hasMessageContaining("tests.json");
    assertThat(library.entry(PREFIX + "-broken")).isEmpty();
  }

  @Test
  void aTeamProblemIsADraftUntilItsValidatedVersionIsPublished() {
    LibraryEntry created =
        library.createDraft(team, folder(PREFIX + "-team", "Draft one."), "user:author");

    assertThat(created.id()).matches("team-[0-9a-f]{8}-" + PREFIX + "-team");
    assertThat(created.status()).isEqualTo(ProblemStatus.DRAFT);
    assertThat(created.publishedVersion()).isEmpty();
    assertThat(library.find(created.id())).as("rooms get published versions only").isEmpty();
    assertThat(library.latest(created.id()).orElseThrow().statement()).isEqualTo("Draft one.");
    assertThat(library.publish(created.id(), "user:author"))
        .isEqualTo(ProblemLibrary.PublishOutcome.NOT_VALIDATED);

    library.recordValidation(created.id(), 1, false, Map.of("failed", List.of("python")));
    assertThat(library.publish(created.id(), "user:author"))
        .isEqualTo(ProblemLibrary.PublishOutcome.NOT_VALIDATED);
    library.recordValidation(created.id(), 1, true, Map.of("failed", List.of()));
    assertThat(library.publish(created.id(), "user:author"))
        .isEqualTo(ProblemLibrary.PublishOutcome.PUBLISHED);
    assertThat(library.find(created.id()).orElseThrow().statement()).isEqualTo("Draft one.");

    int two = library.addVersion(created.id(), folder(PREFIX + "-team", "Draft two."), "user:b");
    assertThat(two).isEqualTo(2);
    assertThat(library.entry(created.id()).orElseThrow().status()).isEqualTo(ProblemStatus.DRAFT);
    assertThat(library.find(created.id()).orElseThrow().statement())
        .as("rooms keep the published version while a newer one is a draft")
        .isEqualTo("Draft one.");
    assertThat(library.latest(created.id()).orElseThrow().version()).isEqualTo(2);
    assertThat(library.validation(created.id(), 2)).isEmpty();
    assertThat(library.validation(created.id(), 1).orElseThrow().passed()).isTrue();
    assertThatThrownBy(
            () -> library.createDraft(team, folder(PREFIX + "-team", "again"), "user:author"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void searchShowsEachCallerWhatTheyMaySeeFilteredAndPaged() {
    LibraryEntry published =
        library.createDraft(team, titled(PREFIX + "-s1", "Zebra Paths", "hard"), "user:a");
    library.recordValidation(published.id(), 1, true, Map.of());
    library.publish(published.id(), "user:a");
    LibraryEntry draft =
        library.createDraft(team, titled(PREFIX + "-s2", "Zebra Draft", "easy"), "user:a");
    LibraryEntry elsewhere =
        library.createDraft(otherTeam, titled(PREFIX + "-s3", "Zebra Other", "easy"), "user:z");
    library.recordValidation(elsewhere.id(), 1, true, Map.of());
    library.publish(elsewhere.id(), "user:z");

    assertThat(ids(search("zebra", Optional.empty(), false))).isEmpty();
    assertThat(ids(search("zebra", Optional.of(team), false))).containsExactly(published.id());
    assertThat(ids(search("ZEBRA", Optional.of(team), true)))
        .containsExactly(draft.id(), published.id());
    assertThat(ids(search("zebra", Optional.of(otherTeam), true))).containsExactly(elsewhere.id());

    ProblemSearch hard =
        new ProblemSearch(
            "zebra",
            Optional.of(ProblemDifficulty.HARD),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(team),
            true,
            1,
            20);
    assertThat(ids(library.search(hard))).containsExactly(published.id());

    ProblemSearch curatedOnly =
        new ProblemSearch(
            "",
            Optional.empty(),
            List.of(ProblemCategory.HASH_MAPS),
            Optional.of("go"),
            Optional.of(ProblemSource.CURATED),
            Optional.of(team),
            true,
            1,
            100);
    library.importCurated(CuratedProblems.folders());
    ProblemPage curated = library.search(curatedOnly);
    assertThat(curated.entries()).allMatch(e -> e.teamId().isEmpty());
    assertThat(curated.problems())
        .allMatch(p -> p.categories().contains(ProblemCategory.HASH_MAPS))
        .extracting(Problem::id)
        .contains("two-sum");

    ProblemPage first = search("zebra", Optional.of(team), true, 1, 1);
    ProblemPage second = search("zebra", Optional.of(team), true, 2, 1);
    ProblemPage past = search("zebra", Optional.of(team), true, 3, 1);
    assertThat(first.total()).isEqualTo(2);
    assertThat(ids(first)).containsExactly(draft.id());
    assertThat(ids(second)).containsExactly(published.id());
    assertThat(past.problems()).isEmpty();
    assertThat(past.total()).isEqualTo(2);

    assertThat(ids(search("100%_!", Optional.of(team), true)))
        .as("LIKE's wildcards are plain characters")
        .isEmpty();
  }

  private static ProblemPage search(String text, Optional<String> team, boolean drafts) {
    return search(text, team, drafts, 1, 20);
  }

  /** One page of a text search, with no other filter. */
  private static ProblemPage search(
      String text, Optional<String> team, boolean drafts, int page, int size) {
    return library.search(
        new ProblemSearch(
            text,
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            team,
            drafts,
            page,
            size));
  }

  private static List<String> ids(ProblemPage page) {
    return page.problems().stream().map(Problem::id).toList();
  }
}
