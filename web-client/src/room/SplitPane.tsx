import type { RefObject } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";

/**
 * Below this the room shows its panes one at a time, behind tabs: a phone held either way, or a
 * window too low for an editor over a console (a phone in landscape is 390 px high).
 */
export const PANES_AS_TABS = "(max-width: 799px), (max-height: 500px)";

export const panesAsTabs = () => window.matchMedia?.(PANES_AS_TABS).matches ?? false;

/** Whether a media query matches, following it as the window changes. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia?.(query).matches ?? false);
  useLayoutEffect(() => {
    const list = window.matchMedia?.(query);
    if (!list) return;
    const changed = () => setMatches(list.matches);
    changed();
    list.addEventListener("change", changed);
    return () => list.removeEventListener("change", changed);
  }, [query]);
  return matches;
}

export interface SplitSize {
  /** The pane's size in percent of its container: the one set by hand, else the automatic one. */
  value: number;
  /** Whether the person sized the pane themselves (then it no longer sizes itself). */
  byHand: boolean;
  /** Sets the size by hand; `done` keeps it for the next visit (at the end of a drag, or a key). */
  set(value: number, done: boolean): void;
}

const STORE_PREFIX = "coderoom.split.";

/**
 * The size of one resizable pane, kept in this browser's local storage under `key`, and applied
 * to `target` as the CSS custom property `property` (through the CSSOM: the page's CSP refuses
 * style attributes, not style properties set from script). Until it is set by hand, the size is
 * `automatic`.
 */
export function useSplitSize(key: string, property: string, target: RefObject<HTMLElement>, automatic: number, range: [number, number]): SplitSize {
  const [stored, setStored] = useState<number | null>(() => readStored(key, range));
  const value = stored ?? automatic;
  useLayoutEffect(() => {
    target.current?.style.setProperty(property, `${value}%`);
  }, [target.current, property, value]);
  return {
    value,
    byHand: stored !== null,
    set(next, done) {
      const clamped = Math.round(clamp(next, range) * 10) / 10;
      setStored(clamped);
      if (done) {
        try {
          localStorage.setItem(STORE_PREFIX + key, String(clamped));
        } catch {
          // Storage full or refused: the size holds for this visit only.
        }
      }
    },
  };
}

function readStored(key: string, range: [number, number]): number | null {
  try {
    const raw = localStorage.getItem(STORE_PREFIX + key);
    const parsed = raw === null ? NaN : Number(raw);
    return Number.isFinite(parsed) ? clamp(parsed, range) : null;
  } catch {
    return null;
  }
}

const clamp = (value: number, [min, max]: [number, number]) => Math.min(max, Math.max(min, value));

/**
 * The bar between two panes, as the ARIA window splitter: a focusable separator whose value is
 * the size of the pane it controls, in percent. It is dragged with any pointer, or moved with the
 * arrow keys (Shift for bigger steps), Home and End. `orientation` is the bar's own: a vertical
 * bar sits between a left and a right pane. `side` says where the controlled pane is: "before"
 * (left or above the bar) or "after" (right or below it).
 */
export function Separator(props: {
  id: string;
  label: string;
  controls: string;
  orientation: "vertical" | "horizontal";
  side: "before" | "after";
  size: SplitSize;
  range: [number, number];
  /** The element the sizes are percentages of. */
  container: RefObject<HTMLElement>;
  class?: string;
}) {
  const { size, range, orientation, side } = props;
  const dragging = useRef<number | null>(null);
  const vertical = orientation === "vertical";

  const fromPointer = (event: PointerEvent) => {
    const box = props.container.current?.getBoundingClientRect();
    if (!box || box.width === 0 || box.height === 0) return null;
    const along = vertical ? (event.clientX - box.left) / box.width : (event.clientY - box.top) / box.height;
    return (side === "before" ? along : 1 - along) * 100;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 10 : 2;
    // The keys move the bar; the controlled pane grows when the bar moves away from it.
    const grow = side === "before" ? 1 : -1;
    const moves: Record<string, number> = vertical ? { ArrowLeft: -step * grow, ArrowRight: step * grow } : { ArrowUp: -step * grow, ArrowDown: step * grow };
    let next: number | undefined;
    if (event.key in moves) next = size.value + moves[event.key];
    else if (event.key === "Home") next = range[0];
    else if (event.key === "End") next = range[1];
    if (next === undefined) return;
    event.preventDefault();
    size.set(next, true);
  };

  return (
    <div
      id={props.id}
      role="separator"
      tabIndex={0}
      aria-label={props.label}
      aria-controls={props.controls}
      aria-orientation={orientation}
      aria-valuenow={Math.round(size.value)}
      aria-valuemin={range[0]}
      aria-valuemax={range[1]}
      class={`separator separator-${orientation} ${props.class ?? ""}`}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        event.currentTarget.focus();
        dragging.current = event.pointerId;
      }}
      onPointerMove={(event) => {
        if (dragging.current !== event.pointerId) return;
        const next = fromPointer(event);
        if (next !== null) size.set(next, false);
      }}
      onPointerUp={(event) => {
        if (dragging.current !== event.pointerId) return;
        dragging.current = null;
        const next = fromPointer(event);
        if (next !== null) size.set(next, true);
      }}
      onPointerCancel={() => {
        dragging.current = null;
        size.set(size.value, true);
      }}
    />
  );
}
