import "./orientation.css";
import { useStore } from "../app/store";
import type { ChangeNotices as Notices } from "./notices";

/**
 * The room's change notices ("Ada changed the language to Go."), read out politely: the status
 * region is always in the page, so a screen reader hears each notice as it is added.
 */
export function ChangeNotices(props: { notices: Notices }) {
  const { notices } = useStore(props.notices.store);
  return (
    <div id="change-notices" class="change-notices" role="status">
      {notices.map((n) => (
        <p key={n.id} class="change-notice" data-subject={n.subject}>
          <span class="change-notice-text">{n.text}</span>
          <button type="button" class="change-notice-close" aria-label="Dismiss this notice" onClick={() => props.notices.dismiss(n.id)}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
