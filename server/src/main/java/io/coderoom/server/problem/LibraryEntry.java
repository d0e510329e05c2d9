package io.coderoom.server.problem;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem of the library as a whole, beside its versions: who owns it and which versions are
 * current and published.
 *
 * @param id the wire id, stable across versions
 * @param teamId the owning team, empty for a curated problem
 * @param slug the folder name, unique among the curated problems or within the team
 * @param currentVersion the newest version, the one authors edit
 * @param publishedVersion the version rooms get when they pick the problem; empty before the first
 *     publish
 * @param status whether the current version is the published one
 * @param updatedBy who wrote the newest version or published it ({@code user:<id>}, or {@code
 *     server} for the curated import)
 * @param updatedAt when
 */
public record LibraryEntry(
    String id,
    Optional<String> teamId,
    String slug,
    int currentVersion,
    Optional<Integer> publishedVersion,
    ProblemStatus status,
    String updatedBy,
    Instant updatedAt) {
  public LibraryEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(publishedVersion, "publishedVersion");
    Objects.requireNonNull(status, "status");
  }

  public ProblemSource source() {
    return teamId.isPresent() ? ProblemSource.TEAM : ProblemSource.CURATED;
  }
}
