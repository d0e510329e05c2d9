import "../../report/report.css";
import { ReportView } from "../../report/ReportView";
import type { Report } from "../../report/types";

/**
 * The offline file's report: the JSON of GET /api/rooms/{id}/report that the server writes into
 * the file's `coderoom-report` slot, shown by the report page's own view (null when the server had
 * no report to include).
 */
export function ReportSection(props: { report: Report | null }) {
  return (
    <section class="pb-report" id="pb-report" aria-label="Report">
      {props.report === null ? (
        <>
          <h2>Report</h2>
          <p class="muted">This file carries no report.</p>
        </>
      ) : (
        <ReportView report={props.report} />
      )}
    </section>
  );
}
