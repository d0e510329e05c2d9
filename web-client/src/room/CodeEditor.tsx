import { useLayoutEffect, useRef } from "preact/hooks";
import type * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";
import { useStore } from "../app/store";
import { theme } from "../app/theme";
import { SharedEditor } from "./editor";

/** A CodeMirror editor on a shared text (SharedEditor), following the page's theme and the props. */
export function CodeEditor(props: {
  ytext: Y.Text;
  awareness: Awareness | null;
  label: string;
  language?: string;
  readOnly?: boolean;
  vim?: boolean;
  onRun?: () => void;
  class?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<SharedEditor | null>(null);
  const onRun = useRef(props.onRun);
  onRun.current = props.onRun;
  const { dark } = useStore(theme);

  useLayoutEffect(() => {
    const created = new SharedEditor(host.current!, props.ytext, props.awareness, {
      dark,
      label: props.label,
      onRun: props.onRun ? () => onRun.current?.() : undefined,
    });
    editor.current = created;
    return () => {
      editor.current = null;
      created.destroy();
    };
  }, [props.ytext, props.awareness]);
  // In the task that renders the page, not after its paint: a room locked for the candidate is read-only
  // before another key can reach the editor (an edit the server would refuse), and the rest likewise.
  useLayoutEffect(() => void (props.language && editor.current?.setLanguage(props.language)), [props.language, props.ytext]);
  useLayoutEffect(() => editor.current?.setDark(dark), [dark]);
  useLayoutEffect(() => editor.current?.setReadOnly(props.readOnly ?? false), [props.readOnly, props.ytext]);
  useLayoutEffect(() => void editor.current?.setVim(props.vim ?? false), [props.vim, props.ytext]);

  return <div ref={host} class={`editor-host ${props.class ?? ""}`} />;
}
