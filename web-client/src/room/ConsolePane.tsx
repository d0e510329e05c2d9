import { useLayoutEffect, useRef } from "preact/hooks";
import { useStore } from "../app/store";
import { Tabs, tabPanel, type Tab } from "../ui/Tabs";
import type { ConsoleTab, RunConsole } from "./console";
import type { RateLimit } from "./rateLimit";
import type { Submissions } from "./submissions";
import { SubmissionsView } from "./SubmissionsView";
import { TestsView } from "./TestsView";

/**
 * The console: streamed output, the Tests tab (only where there is something to test) and the
 * program's input (only for those who can run). The status line is what a screen reader hears;
 * the output itself is not a live region, so a thousand lines are not read aloud.
 */
export function ConsolePane(props: {
  console: RunConsole;
  canRun: boolean;
  hasTests: boolean;
  params: string[];
  /** The problem's return type, which draws trees and lists in the results. */
  returns?: string;
  /** Whether the code reads stdin: then the output points at the Input tab. */
  readsStdin: boolean;
  rateLimit: RateLimit;
  submissions: Submissions;
}) {
  const state = useStore(props.console.store);
  const { secondsLeft } = useStore(props.rateLimit.store);
  const output = useRef<HTMLPreElement>(null);
  const stick = useRef(true);
  const tabs: Tab<ConsoleTab>[] = [{ id: "output", label: "Output" }];
  if (props.hasTests || state.tests) tabs.push({ id: "tests", label: "Tests" });
  if (props.canRun) tabs.push({ id: "stdin", label: "Input", panel: "stdin-panel" });
  tabs.push({ id: "submissions", label: "Submissions", panel: "submissions-panel" });
  const selected = tabs.some((t) => t.id === state.tab) ? state.tab : "output";

  // Follows the output as it streams, unless the reader scrolled up to look at something.
  useLayoutEffect(() => {
    const pre = output.current;
    if (pre && stick.current) pre.scrollTop = pre.scrollHeight;
  }, [state.segments]);

  return (
    <section id="console" class="pane console" data-pane="console" aria-label="Console">
      <Tabs label="Console" tabs={tabs} selected={selected} onSelect={(tab) => props.console.show(tab)} class="console-head">
        <div id="run-status" class="run-status" data-state={state.status.state} role="status">
          {state.status.text}
        </div>
        {secondsLeft > 0 ? (
          // A timer is not announced as it ticks: the status above says once why Run is disabled.
          <span id="rate-limit" class="rate-limit" role="timer">
            Run again in {secondsLeft} s
          </span>
        ) : null}
      </Tabs>
      {props.canRun && props.readsStdin && selected === "output" ? (
        <p id="stdin-hint" class="console-hint">
          This program reads its input (stdin): the next Run gives it what is in the{" "}
          <button type="button" class="link-button" onClick={() => props.console.show("stdin")}>
            Input tab
          </button>{" "}
          ({stdinSummary(state.stdin)}).
        </p>
      ) : null}
      <pre
        {...tabPanel("output", selected)}
        ref={output}
        class="output"
        tabIndex={0}
        onScroll={(e) => {
          const pre = e.currentTarget;
          stick.current = pre.scrollHeight - pre.scrollTop - pre.clientHeight < 24;
        }}
      >
        {state.segments.map((s, i) => (
          <span key={i} class={`stream stream-${s.stream}`} data-stream={s.stream}>
            {s.text}
          </span>
        ))}
      </pre>
      <div {...tabPanel("tests", selected)} class="tests">
        {state.tests ? <TestsView report={state.tests} params={props.params} returns={props.returns} /> : <p class="muted">{state.testsNote}</p>}
      </div>
      <div {...tabPanel("submissions", selected, "submissions-panel")} class="submissions-panel">
        <SubmissionsView submissions={props.submissions} params={props.params} returns={props.returns} />
      </div>
      <div {...tabPanel("stdin", selected, "stdin-panel")} class="stdin-panel">
        <label for="stdin" class="visually-hidden">
          Input given to the program (stdin)
        </label>
        <p id="stdin-next" class="console-hint">
          {state.stdin === ""
            ? "Empty: the next Run gives the program no input (it reads the end of input at once)."
            : `The next Run gives the program this text on stdin (${stdinSummary(state.stdin)}).`}
        </p>
        <textarea
          id="stdin"
          class="stdin"
          aria-describedby="stdin-next"
          rows={3}
          placeholder="Input given to the program (stdin) when you press Run"
          spellcheck={false}
          value={state.stdin}
          onInput={(e) => props.console.setStdin(e.currentTarget.value)}
        />
      </div>
    </section>
  );
}

/** The stdin the next run gets, in a few words: "empty now", "1 line", "3 lines". */
function stdinSummary(stdin: string): string {
  if (stdin === "") return "empty now";
  const lines = stdin.replace(/\n$/, "").split("\n").length;
  return `${lines} ${lines === 1 ? "line" : "lines"}`;
}
