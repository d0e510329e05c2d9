import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { fromQuery, NO_FILTERS, pageCount, refine, toQuery } from "../src/library/filters";
import { ProblemFinder } from "../src/library/finder";
import { FixtureServer, until } from "./support/fixtureServer";

describe("library filters", () => {
  test("no filters ask for nothing", () => {
    expect(toQuery(NO_FILTERS)).toBe("");
  });

  test("each filter becomes its parameter; categories one sorted comma list; text trimmed", () => {
    const query = toQuery({ q: "  two sum ", difficulty: "medium", categories: ["trees", "arrays"], language: "go", source: "team", page: 3, size: 50 });
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({ q: "two sum", difficulty: "medium", category: "arrays,trees", language: "go", source: "team", page: "3", size: "50" });
  });

  test("a query string reads back to the same filters", () => {
    const filters = { q: "a&b=c", difficulty: "hard" as const, categories: ["graphs", "heaps"], language: "cpp", source: "curated" as const, page: 2, size: 20 };
    expect(fromQuery(toQuery(filters))).toEqual(filters);
  });

  test("repeated categories are read as well as a comma list; unknown values are dropped", () => {
    expect(fromQuery("category=trees&category=arrays,nonsense&difficulty=extreme&source=everyone&page=-4&size=1000&language=<x>")).toEqual({
      ...NO_FILTERS,
      categories: ["arrays", "trees"],
    });
  });

  test("changing a filter starts at the first page; turning the page keeps the filters", () => {
    const onPage3 = { ...NO_FILTERS, difficulty: "easy" as const, page: 3 };
    expect(refine(onPage3, { language: "java" })).toMatchObject({ language: "java", difficulty: "easy", page: 1 });
    expect(refine(onPage3, { page: 4 })).toMatchObject({ difficulty: "easy", page: 4 });
  });

  test("page counts round up and never say zero pages", () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
});

describe("the problem finder", () => {
  let server: FixtureServer;
  beforeEach(async () => (server = await FixtureServer.start()));
  afterEach(() => server.close());

  const twoSum = { id: "two-sum", version: 1, title: "Two Sum", difficulty: "easy", categories: ["arrays"], timeEstimateMinutes: 20, languages: ["python"], source: "curated", status: "published", excerpt: "Find" };

  test("searches with the filters and the room's token, and previews the first result", async () => {
    server.reply("/api/problems", { json: { problems: [twoSum], total: 41, page: 1, size: 20 } });
    server.reply("/api/problems/two-sum", { json: { ...twoSum, statement: "Find", statementHtml: "<p>Find</p>" } });
    const finder = new ProblemFinder({ ...NO_FILTERS, difficulty: "easy" }, "room-token");
    finder.start();
    await until(() => finder.store.value.preview !== null, "the preview");
    const search = server.requests.find((r) => r.path.startsWith("/api/problems?"))!;
    expect(search.path).toBe("/api/problems?difficulty=easy");
    expect(search.headers.authorization).toBe("Bearer room-token");
    expect(finder.store.value).toMatchObject({ total: 41, selectedId: "two-sum", error: "" });
    expect(finder.store.value.preview?.statementHtml).toBe("<p>Find</p>");
    finder.stop();
  });

  test("a changed filter asks again from the first page; a refusal shows its sentence", async () => {
    server.reply("/api/problems", (request) =>
      request.path.includes("category=trees") ? { status: 400, json: { error: "bad_request", message: "No such category." } } : { json: { problems: [], total: 0 } },
    );
    const finder = new ProblemFinder({ ...NO_FILTERS, page: 2 });
    finder.start();
    await until(() => server.requests.length === 1, "the first search");
    finder.setFilters({ categories: ["trees"] });
    await until(() => finder.store.value.error !== "", "the refusal");
    expect(server.requests.at(-1)!.path).toBe("/api/problems?category=trees");
    expect(finder.store.value.error).toBe("No such category.");
    finder.stop();
  });
});
