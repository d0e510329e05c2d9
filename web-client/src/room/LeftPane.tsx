import { useState } from "preact/hooks";
import type * as Y from "yjs";
import type { ProblemListing } from "../api";
import { Tabs, tabPanel } from "../ui/Tabs";
import { CodeEditor } from "./CodeEditor";
import { ProblemPane } from "./ProblemPane";
import type { ProblemSummary } from "./session";

/** The problem, and for interviewers their private notes and the problem picker. */
export function LeftPane(props: {
  problem: ProblemSummary | null;
  catalogue: ReadonlyMap<string, ProblemListing>;
  interviewer: boolean;
  notes: Y.Doc | null;
  onPickProblem(id: string | null): void;
}) {
  const [tab, setTab] = useState<"problem" | "notes">("problem");
  const showNotes = props.interviewer && props.notes !== null;
  const selected = showNotes ? tab : "problem";
  const canPick = props.interviewer && props.catalogue.size > 0;
  return (
    <aside class="pane left" data-pane="problem" aria-label="Problem">
      <Tabs
        label="Problem and notes"
        tabs={showNotes ? [{ id: "problem" as const, label: "Problem" }, { id: "notes" as const, label: "Notes" }] : [{ id: "problem" as const, label: "Problem" }]}
        selected={selected}
        onSelect={(id) => setTab(id)}
        class="left-tabs"
      >
        {canPick ? (
          <select id="problem-select" aria-label="Problem" value={props.problem?.id ?? ""} onChange={(e) => props.onPickProblem(e.currentTarget.value || null)}>
            <option value="">No problem</option>
            {[...props.catalogue.values()].map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        ) : null}
      </Tabs>
      <ProblemPane
        problem={props.problem}
        listing={props.problem ? props.catalogue.get(props.problem.id) : undefined}
        interviewer={props.interviewer}
        canPick={canPick}
        hidden={selected !== "problem"}
      />
      {showNotes ? (
        <div {...tabPanel("notes", selected)} class="notes">
          <p class="muted">Only interviewers see these notes.</p>
          <CodeEditor ytext={props.notes!.getText("codemirror")} awareness={null} label="Interviewer notes" class="notes-editor" />
        </div>
      ) : null}
    </aside>
  );
}
