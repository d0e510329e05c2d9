import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { useStore } from "../app/store";
import { ROLE_LABELS, type ParticipantList, type Presence } from "./participants";
import { participantClass } from "./remoteCursors";
import { PANES_AS_TABS, useMediaQuery } from "./SplitPane";

/** How many chips the top bar shows at most; more people than this collapse into a "+N" list. */
const SHOWN = 3;
/** On a small screen everyone is behind one button: the top bar has no room for chips. */
const SHOWN_SMALL = 0;

/**
 * Who is in the room, with role badges and connection state. Interviewers get a remove button,
 * which closes all of that person's connections and revokes their link. With more than a few
 * people the first chips show and the rest open from a "+N" button as a popover (the browser's
 * own, so Esc and a click elsewhere close it). Fewer chips show when the top bar's one line
 * would overflow otherwise; on a small screen the button holds everyone.
 */
export function ParticipantChips(props: { participants: ParticipantList; canRemove: boolean; onRemove(p: Presence): void }) {
  const { list } = useStore(props.participants.store);
  const small = useMediaQuery(PANES_AS_TABS);
  const [fits, setFits] = useState(SHOWN);
  const host = useRef<HTMLUListElement>(null);
  /** The list's width with n chips, measured when n were too many: n comes back when that fits. */
  const tooWide = useRef<number[]>([]);
  const limit = small ? SHOWN_SMALL : fits;
  // Back to the most chips when the window or the room changes, then as many as fit.
  useEffect(() => {
    const reset = () => {
      tooWide.current = [];
      setFits(SHOWN);
    };
    window.addEventListener("resize", reset);
    return () => window.removeEventListener("resize", reset);
  }, []);
  useLayoutEffect(() => {
    tooWide.current = [];
    setFits(SHOWN);
  }, [list.length]);
  useLayoutEffect(() => {
    const list = host.current;
    const bar = list?.parentElement;
    if (!list || !bar || small) return;
    const fit = () => {
      // Only the one-line bar is measured (not one still without its style sheet, nor a wrapping one).
      const style = getComputedStyle(bar);
      if (style.display !== "flex" || style.flexWrap !== "nowrap") return;
      const width = list.getBoundingClientRect().width;
      if (bar.scrollWidth > bar.clientWidth + 1) {
        setFits((n) => {
          if (n > 0) tooWide.current[n] = width;
          return Math.max(0, n - 1);
        });
        return;
      }
      // The space after the list (it pushes the rest of the bar to the right) may have grown back.
      const next = list.nextElementSibling?.firstElementChild ?? list.nextElementSibling;
      const free = next ? next.getBoundingClientRect().left - list.getBoundingClientRect().right - 16 : 0;
      setFits((n) => (n < SHOWN && width + free >= (tooWide.current[n + 1] ?? Infinity) ? n + 1 : n));
    };
    fit();
    // The bar's other items change width too (a run's label, a button that comes and goes).
    const observer = new ResizeObserver(fit);
    for (const item of bar.querySelectorAll(":scope > *, :scope > .group > *")) if (item !== list) observer.observe(item);
    return () => observer.disconnect();
  });
  const shown = list.length > limit + 1 ? list.slice(0, limit) : list;
  const more = list.slice(shown.length);
  const everyone = shown.length === 0;
  const chip = (p: Presence) => <Chip key={p.id} p={p} canRemove={props.canRemove} onRemove={props.onRemove} />;
  return (
    <ul ref={host} id="participants" class="participants" aria-label={`Participants (${list.length})`}>
      {shown.map(chip)}
      {more.length > 0 ? (
        <li class="more-participants">
          <button
            type="button"
            id="more-participants"
            class="more-button"
            popovertarget="participant-list"
            aria-label={everyone ? undefined : `+${more.length} more participants`}
            title={more.map((p) => p.name).join(", ")}
          >
            {everyone ? `${more.length} people` : `+${more.length}`}
          </button>
          <ul id="participant-list" class="participant-list" popover="auto" aria-label={everyone ? "Participants" : "More participants"}>
            {more.map(chip)}
          </ul>
        </li>
      ) : null}
    </ul>
  );
}

function Chip({ p, canRemove, onRemove }: { p: Presence; canRemove: boolean; onRemove(p: Presence): void }) {
  const roleLabel = ROLE_LABELS[p.role] ?? p.role;
  // Links without a name carry the role as the name: the badge says it once.
  const named = p.name.toLowerCase() !== p.role.toLowerCase();
  return (
    <li
      class={p.online ? "participant" : "participant offline"}
      data-role={p.role}
      data-id={p.id}
      title={`${p.name} (${roleLabel}${p.you ? ", you" : ""}): ${p.online ? "connected" : "disconnected"}`}
    >
      <span class={`${p.online ? "dot online" : "dot"} ${participantClass(p.color)}`} aria-hidden="true" />
      {named ? <span class="name">{p.name}</span> : null}
      <span class={`role-badge role-${p.role}`}>{roleLabel}</span>
      {p.you ? <span class="you muted">you</span> : null}
      {!p.online ? <span class="visually-hidden">(disconnected)</span> : null}
      {canRemove && p.online && p.role !== "interviewer" ? (
        <button type="button" class="kick icon-button" aria-label={`Remove ${p.name}`} title={`Remove ${p.name} and revoke their link`} onClick={() => onRemove(p)}>
          <span aria-hidden="true">✕</span>
        </button>
      ) : null}
    </li>
  );
}
