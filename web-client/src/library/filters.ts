/**
 * What a search of the problem library asks for, and its query string for `GET /api/problems`
 * (and for the library page's own address, so a search can be linked and survives a reload).
 */
export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** The categories' slugs, as the server knows them, with the names people read. */
export const CATEGORIES: readonly (readonly [string, string])[] = [
  ["arrays", "Arrays"],
  ["strings", "Strings"],
  ["hash-maps", "Hash maps"],
  ["two-pointers", "Two pointers"],
  ["sliding-window", "Sliding window"],
  ["stacks-queues", "Stacks and queues"],
  ["linked-lists", "Linked lists"],
  ["trees", "Trees"],
  ["graphs", "Graphs"],
  ["heaps", "Heaps"],
  ["binary-search", "Binary search"],
  ["dynamic-programming", "Dynamic programming"],
  ["intervals", "Intervals"],
  ["math", "Math"],
  ["design", "Design"],
];

export function categoryName(slug: string): string {
  return CATEGORIES.find(([id]) => id === slug)?.[1] ?? slug;
}

export type Source = "curated" | "team";

export interface LibraryFilters {
  q: string;
  difficulty: Difficulty | "";
  categories: string[];
  language: string;
  source: Source | "";
  /** From 1. */
  page: number;
  size: number;
}

export const PAGE_SIZE = 20;

export const NO_FILTERS: LibraryFilters = { q: "", difficulty: "", categories: [], language: "", source: "", page: 1, size: PAGE_SIZE };

/** The query string (without `?`) naming only what differs from no filters; categories as one comma list. */
export function toQuery(filters: LibraryFilters): string {
  const query = new URLSearchParams();
  const q = filters.q.trim();
  if (q) query.set("q", q);
  if (filters.difficulty) query.set("difficulty", filters.difficulty);
  if (filters.categories.length > 0) query.set("category", [...filters.categories].sort().join(","));
  if (filters.language) query.set("language", filters.language);
  if (filters.source) query.set("source", filters.source);
  if (filters.page > 1) query.set("page", String(filters.page));
  if (filters.size !== PAGE_SIZE) query.set("size", String(filters.size));
  return query.toString();
}

/** The filters a query string names; what it names wrongly is left at no filter. */
export function fromQuery(search: string): LibraryFilters {
  const query = new URLSearchParams(search);
  const difficulty = query.get("difficulty") ?? "";
  const source = query.get("source") ?? "";
  const known = new Set(CATEGORIES.map(([id]) => id));
  const categories = [...new Set(query.getAll("category").flatMap((c) => c.split(",")))].filter((c) => known.has(c)).sort();
  const page = Number.parseInt(query.get("page") ?? "1", 10);
  const size = Number.parseInt(query.get("size") ?? String(PAGE_SIZE), 10);
  return {
    q: query.get("q") ?? "",
    difficulty: (DIFFICULTIES as readonly string[]).includes(difficulty) ? (difficulty as Difficulty) : "",
    categories,
    language: /^[a-z0-9+#-]{1,32}$/.test(query.get("language") ?? "") ? query.get("language")! : "",
    source: source === "curated" || source === "team" ? source : "",
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    size: Number.isFinite(size) && size >= 1 && size <= 100 ? size : PAGE_SIZE,
  };
}

/** A change of the filters; any change but of the page itself starts again at the first page. */
export function refine(filters: LibraryFilters, changes: Partial<LibraryFilters>): LibraryFilters {
  const next = { ...filters, ...changes };
  if (!("page" in changes)) next.page = 1;
  return next;
}

/** The number of pages for this many problems (at least one, so "page 1 of 1" reads right when empty). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
