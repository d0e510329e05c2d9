// A node:test reporter that writes one JSON line per finished test: its file, name, outcome,
// duration and error. BrowserIT reads it to report each scenario as a test of its own.
export default async function* results(source) {
  for await (const event of source) {
    if (event.type !== "test:pass" && event.type !== "test:fail") continue;
    const { file, name, nesting, skip, todo, details } = event.data;
    if (details?.type === "suite") continue;
    const error = details?.error;
    yield JSON.stringify({
      file: file ?? "",
      name,
      nesting,
      outcome: event.type === "test:fail" ? "failed" : skip !== undefined || todo !== undefined ? "skipped" : "passed",
      durationMs: Math.round(details?.duration_ms ?? 0),
      error: error ? String(error.cause?.stack ?? error.cause ?? error.stack ?? error) : "",
    }) + "\n";
  }
}
