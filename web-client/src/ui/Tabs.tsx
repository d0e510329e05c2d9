import type { ComponentChildren } from "preact";

export interface Tab<T extends string> {
  id: T;
  label: ComponentChildren;
  /** Shown as a dot after the label: something new arrived in a tab that is not open. */
  badge?: boolean;
  /** The id of the panel it opens, when not the tab's id. */
  panel?: string;
}

/**
 * A tab list with the ARIA tab roles: arrow keys move between tabs, only the open tab is in the
 * Tab order. Each tab's element id is `tab-{id}` and controls the panel `{id}` (or `panel`);
 * panels use {@link tabPanel} for their attributes.
 */
export function Tabs<T extends string>(props: {
  label: string;
  tabs: Tab<T>[];
  selected: T;
  onSelect(id: T): void;
  class?: string;
  children?: ComponentChildren;
}) {
  const { tabs, selected, onSelect } = props;
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === selected);
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: tabs.length - 1 - index }[event.key];
    if (step === undefined || tabs.length === 0) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length];
    onSelect(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <div class={`tabs ${props.class ?? ""}`}>
      <div role="tablist" aria-label={props.label} class="tablist" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            data-tab={tab.id}
            aria-selected={tab.id === selected}
            aria-controls={tab.panel ?? tab.id}
            tabIndex={tab.id === selected ? 0 : -1}
            class={tab.id === selected ? "active" : ""}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
            {tab.badge && tab.id !== selected ? <span class="badge" role="img" aria-label="(new)" /> : null}
          </button>
        ))}
      </div>
      {props.children}
    </div>
  );
}

/** The attributes of the panel a tab controls. */
export function tabPanel(tab: string, selected: string, id = tab) {
  return { id, role: "tabpanel", "aria-labelledby": `tab-${tab}`, hidden: tab !== selected } as const;
}
