import { useEffect, useMemo, useState } from "preact/hooks";
import type { Language } from "../api";
import { FinderView } from "../library/FinderView";
import { ProblemFinder } from "../library/finder";
import { Dialog } from "../ui/Dialog";

/**
 * The interviewer's way to the whole library from the room: a button that opens the library's
 * search (with the room's team's problems, through the room's token) and its statement preview;
 * choosing a problem sets it for the room.
 */
export function ProblemPicker(props: { token: string; languages: Language[]; currentId: string | null; onPick(id: string): void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" id="browse-problems" class="browse-problems" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Browse…
      </button>
      {open ? <PickerDialog {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function PickerDialog(props: { token: string; languages: Language[]; currentId: string | null; onPick(id: string): void; onClose(): void }) {
  const finder = useMemo(() => new ProblemFinder(undefined, props.token), [props.token]);
  useEffect(() => {
    finder.start();
    return () => finder.stop();
  }, [finder]);
  return (
    <Dialog id="problem-picker" class="problem-picker" labelledBy="problem-picker-title" onCancel={props.onClose}>
      <div class="picker-head">
        <h2 id="problem-picker-title">Choose the problem</h2>
        <button type="button" id="problem-picker-close" onClick={props.onClose}>
          Close
        </button>
      </div>
      <FinderView
        finder={finder}
        languages={props.languages}
        showSource
        actions={(problem) =>
          problem.id === props.currentId ? (
            <p class="muted">This is the room's problem.</p>
          ) : (
            <button
              type="button"
              id="pick-problem"
              class="primary"
              onClick={() => {
                props.onPick(problem.id);
                props.onClose();
              }}
            >
              Use this problem
            </button>
          )
        }
      />
    </Dialog>
  );
}
