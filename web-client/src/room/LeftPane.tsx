import type { ComponentChildren } from "preact";
import { useRef, useState } from "preact/hooks";
import type * as Y from "yjs";
import type { Language, ProblemListing } from "../api";
import { Tabs, tabPanel } from "../ui/Tabs";
import { CodeEditor } from "./CodeEditor";
import { ProblemPane } from "./ProblemPane";
import { ProblemPicker } from "./ProblemPicker";
import type { ProblemSummary } from "./session";
import { PANES_AS_TABS, Separator, useMediaQuery, useSplitSize } from "./SplitPane";

const PROBLEM_RANGE: [number, number] = [15, 85];

/**
 * The problem, and for interviewers their private notes and the problem picker. Where there is
 * room, an interviewer sees the problem above the notes, split by a bar that resizes them; on a
 * small screen the two are tabs.
 */
export function LeftPane(props: {
  problem: ProblemSummary | null;
  catalogue: ReadonlyMap<string, ProblemListing>;
  interviewer: boolean;
  notes: Y.Doc | null;
  onPickProblem(id: string | null): void;
  /** The room's token and languages, for the library search of the picker. */
  token: string;
  languages: Language[];
  /** Shown under the problem's statement (its hints). */
  hints?: ComponentChildren;
}) {
  const [tab, setTab] = useState<"problem" | "notes">("problem");
  const small = useMediaQuery(PANES_AS_TABS);
  const split = useRef<HTMLDivElement>(null);
  const problemSize = useSplitSize("problem", "--problem-size", split, 55, PROBLEM_RANGE);
  const hasNotes = props.interviewer && props.notes !== null;
  const notesTab = hasNotes && small;
  const notesBelow = hasNotes && !small;
  const selected = notesTab ? tab : "problem";
  const canPick = props.interviewer && props.catalogue.size > 0;
  const notesEditor = hasNotes ? <CodeEditor ytext={props.notes!.getText("codemirror")} awareness={null} label="Interviewer notes" class="notes-editor" /> : null;
  return (
    <aside id="left-pane" class="pane left" data-pane="problem" aria-label="Problem">
      <Tabs
        label="Problem and notes"
        tabs={notesTab ? [{ id: "problem" as const, label: "Problem" }, { id: "notes" as const, label: "Notes" }] : [{ id: "problem" as const, label: "Problem" }]}
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
        {canPick ? <ProblemPicker token={props.token} languages={props.languages} currentId={props.problem?.id ?? null} onPick={props.onPickProblem} /> : null}
      </Tabs>
      <div ref={split} class={notesBelow ? "left-split with-notes" : "left-split"}>
        <ProblemPane
          problem={props.problem}
          listing={props.problem ? props.catalogue.get(props.problem.id) : undefined}
          interviewer={props.interviewer}
          canPick={canPick}
          hidden={selected !== "problem"}
          hints={props.hints}
        />
        {notesBelow ? (
          <>
            <Separator
              id="notes-separator"
              label="Resize the problem and the notes"
              controls="problem"
              orientation="horizontal"
              side="before"
              size={problemSize}
              range={PROBLEM_RANGE}
              container={split}
            />
            <section id="notes" class="notes" aria-labelledby="notes-title">
              <h2 id="notes-title" class="notes-title">
                Notes <span class="muted">only interviewers see these</span>
              </h2>
              {notesEditor}
            </section>
          </>
        ) : notesTab ? (
          <div {...tabPanel("notes", selected)} class="notes">
            <p class="muted">Only interviewers see these notes.</p>
            {notesEditor}
          </div>
        ) : null}
      </div>
    </aside>
  );
}
