import { useLayoutEffect, useRef } from "preact/hooks";
import { useStore } from "../app/store";
import { Tabs, tabPanel, type Tab } from "../ui/Tabs";
import type { ConsoleTab, RunConsole } from "./console";
import { TestsView } from "./TestsView";

/**
 * The console: streamed output, the Tests tab (only where there is something to test) and the
 * program's input (only for those who can run). The status line is what a screen reader hears;
 * the output itself is not a live region, so a thousand lines are not read aloud.
 */
export function ConsolePane(props: { console: RunConsole; canRun: boolean; hasTests: boolean; params: string[] }) {
  const state = useStore(props.console.store);
  const output = useRef<HTMLPreElement>(null);
  const stick = useRef(true);
  const tabs: Tab<ConsoleTab>[] = [{ id: "output", label: "Output" }];
  if (props.hasTests || state.tests) tabs.push({ id: "tests", label: "Tests" });
  if (props.canRun) tabs.push({ id: "stdin", label: "Input", panel: "stdin-panel" });
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
      </Tabs>
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
        {state.tests ? <TestsView report={state.tests} params={props.params} /> : <p class="muted">{state.testsNote}</p>}
      </div>
      <div {...tabPanel("stdin", selected, "stdin-panel")} class="stdin-panel">
        <label for="stdin" class="visually-hidden">
          Input given to the program (stdin)
        </label>
        <textarea
          id="stdin"
          class="stdin"
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
