import { problems, type ProblemListing } from "../api";
import { problemDetail } from "../library/api";

/**
 * The problems a room knows: the list (for the interviewer's short picker) and, for the problem the
 * room uses, its detail at the room's version (statement, starter code, examples). The list holds
 * summaries only, so a problem's detail replaces its summary and is never replaced by one.
 */
export class RoomCatalogue {
  private entries = new Map<string, ProblemListing>();
  private readonly detailed = new Set<string>();
  private readonly asked = new Map<string, Promise<void>>();

  constructor(
    private readonly token: string,
    private readonly publish: (catalogue: ReadonlyMap<string, ProblemListing>) => void,
  ) {}

  list(): Promise<void> {
    return problems(this.token).then((list) => {
      const next = new Map(this.entries);
      for (const summary of list) if (!this.detailed.has(summary.id)) next.set(summary.id, { ...next.get(summary.id), ...summary });
      this.set(next);
    });
  }

  /**
   * Loads this problem's detail once per version. A server without the detail call keeps what the
   * list said (older servers list problems in full).
   */
  detail(problem: { id: string; version?: number } | null): Promise<void> {
    if (!problem) return Promise.resolve();
    const key = `${problem.id}@${problem.version ?? ""}`;
    let asked = this.asked.get(key);
    if (!asked) {
      asked = problemDetail(problem.id, { version: problem.version, token: this.token }).then(
        (detail) => {
          this.detailed.add(detail.id);
          this.set(new Map(this.entries).set(detail.id, { ...this.entries.get(detail.id), ...detail }));
        },
        () => undefined,
      );
      this.asked.set(key, asked);
    }
    return asked;
  }

  private set(next: Map<string, ProblemListing>): void {
    this.entries = next;
    this.publish(next);
  }
}
