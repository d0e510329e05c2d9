// A JUnit XML report of node's test runner, as Surefire writes one (a single <testsuite> with the
// totals), so deploy/dev/test-report.sh counts these tests with the Java ones. Node's own junit
// reporter is missing before Node 20.11, and the toolchain accepts Node 18.
const escape = (text) =>
  String(text).replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]);

export default async function* junit(source) {
  const cases = [];
  const open = []; // leaves not yet given their suite's name, by nesting
  for await (const event of source) {
    if (event.type !== "test:pass" && event.type !== "test:fail") continue;
    const { name, nesting, details, skip, todo } = event.data;
    if (details?.type === "suite") {
      for (const leaf of open) if (leaf.nesting === nesting + 1 && !leaf.suite) leaf.suite = name;
      continue;
    }
    const leaf = {
      name,
      nesting,
      seconds: (details?.duration_ms ?? 0) / 1000,
      error: event.type === "test:fail" ? details?.error : undefined,
      skipped: Boolean(skip || todo),
    };
    cases.push(leaf);
    open.push(leaf);
  }
  const failures = cases.filter((c) => c.error).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const seconds = cases.reduce((sum, c) => sum + c.seconds, 0);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuite name="kubernetes" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds.toFixed(3)}">\n`;
  for (const c of cases) {
    yield `  <testcase classname="${escape(c.suite ?? "kubernetes")}" name="${escape(c.name)}" time="${c.seconds.toFixed(3)}">`;
    if (c.error) {
      const cause = c.error.cause ?? c.error;
      yield `<failure message="${escape(cause?.message ?? cause)}">${escape(cause?.stack ?? cause)}</failure>`;
    } else if (c.skipped) {
      yield "<skipped/>";
    }
    yield "</testcase>\n";
  }
  yield "</testsuite>\n";
}
