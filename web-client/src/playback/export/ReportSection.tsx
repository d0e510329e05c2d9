/**
 * The offline file's report: the JSON of GET /api/rooms/{id}/report that the server writes into
 * the file's `coderoom-report` slot (null when the server has no report to include).
 *
 * Where the report view plugs in: once the web client has the report page's `ReportView`
 * component (taking that JSON), render it here in place of the plain listing below; the export
 * build inlines whatever this file imports.
 */
export function ReportSection(props: { report: unknown }) {
  return (
    <section class="pb-report" id="pb-report" aria-label="Report">
      <h2>Report</h2>
      {props.report === null || props.report === undefined ? (
        <p class="muted">This file carries no report.</p>
      ) : (
        <pre>{JSON.stringify(props.report, null, 2)}</pre>
      )}
    </section>
  );
}
