import "./playback.css";
import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import { useStore } from "../app/store";
import type { MarkerView } from "./markers";
import { SPEEDS, type Playback } from "./playback";

/** Author colours: six, then they repeat. */
const COLOURS = 6;

const clockText = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
};

const authorClass = (author: number) => (author < 0 ? "pb-author-none" : `pb-author-${author % COLOURS}`);

/** A marker on the scrubber's track, placed by its moment (a CSS variable: the CSP allows no inline style). */
function MarkerDot(props: { view: MarkerView; index: number; playback: Playback; selected: boolean }) {
  const ref = useRef<HTMLButtonElement>(null);
  const { start, end } = props.playback;
  useLayoutEffect(() => {
    ref.current?.style.setProperty("--at", `${(((props.view.time - start) / (end - start)) * 100).toFixed(3)}%`);
  }, [props.view.time, start, end]);
  const v = props.view;
  const title = `${clockText(v.time - start)} ${v.label}${v.who ? ` (${v.who})` : ""}${v.detail ? `: ${v.detail}` : ""}`;
  return (
    <button
      ref={ref}
      type="button"
      class={`pb-marker pb-group-${v.group}${props.selected ? " selected" : ""}`}
      data-kind={v.marker.kind}
      title={title}
      aria-label={title}
      onClick={() => props.playback.select(props.index)}
    />
  );
}

/**
 * A recorded interview: controls, the scrubber with its markers, the code at the moment shown
 * coloured by who typed it, the people, and the open marker's details. `actions` go in the header
 * (the page's links and download, the offline file's theme switch).
 */
export function PlaybackView(props: { playback: Playback; actions?: ComponentChildren }) {
  const playback = props.playback;
  const state = useStore(playback.store);
  useEffect(() => () => playback.dispose(), [playback]);
  const { start, end, markers } = playback;
  const selected = state.selected === null ? null : markers[state.selected];
  const room = playback.timeline.room;
  return (
    <div class="pb">
      <header class="pb-header">
        <h1>
          Playback: <span id="pb-title">{room.title}</span>
        </h1>
        {props.actions}
      </header>
      <div class="pb-controls" role="toolbar" aria-label="Playback">
        <button type="button" id="pb-play" onClick={() => playback.toggle()} aria-pressed={state.playing}>
          {state.playing ? "Pause" : "Play"}
        </button>
        <span class="pb-speeds" role="group" aria-label="Speed">
          {SPEEDS.map((speed) => (
            <button type="button" key={speed} id={`pb-speed-${speed}`} aria-pressed={state.speed === speed} onClick={() => playback.setSpeed(speed)}>
              {speed}×
            </button>
          ))}
        </span>
        <button type="button" id="pb-next-run" onClick={() => playback.nextRun()} disabled={!markers.some((m) => m.isRun && m.time > state.time)}>
          Next run
        </button>
        <span id="pb-time" class="pb-time" data-time={String(state.time)} data-position={String(state.position)}>
          {clockText(state.time - start)} / {clockText(end - start)}
        </span>
      </div>
      <div class="pb-scrubber">
        <input
          id="pb-scrubber"
          type="range"
          min={String(start)}
          max={String(end)}
          step="1000"
          value={String(state.time)}
          aria-label="Moment of the session"
          aria-valuetext={clockText(state.time - start)}
          onInput={(e) => playback.seekTo(Number(e.currentTarget.value))}
        />
        <div class="pb-track" role="group" aria-label="Markers">
          {markers.map((view, index) => (
            <MarkerDot key={index} view={view} index={index} playback={playback} selected={state.selected === index} />
          ))}
        </div>
      </div>
      <div class="pb-body">
        <section class="pb-code-pane" aria-label="The code at this moment">
          <pre id="pb-code" class="pb-code">
            <code>
              {state.segments.map((segment, i) => (
                <span key={i} class={authorClass(segment.author)} title={playback.authorName(segment.author)}>
                  {segment.text}
                </span>
              ))}
            </code>
          </pre>
        </section>
        <aside class="pb-side">
          <section aria-label="Who typed">
            <h2>Who typed</h2>
            <ul class="pb-legend">
              {playback.authors.map((author, i) => (
                <li key={author.actor}>
                  <span class={`pb-swatch ${authorClass(i)}`} aria-hidden="true" />
                  {author.name} <span class="muted">({author.role})</span>
                </li>
              ))}
            </ul>
          </section>
          <section id="pb-detail" aria-live="polite" aria-label="Marker">
            {selected ? (
              <>
                <h2>{selected.label}</h2>
                <p class="muted">
                  {clockText(selected.time - start)} · {selected.who}
                </p>
                {selected.detail ? <p class="pb-detail-text">{selected.detail}</p> : null}
              </>
            ) : (
              <p class="muted">Pick a marker on the scrubber or below to see what happened then.</p>
            )}
          </section>
          <section aria-label="Events">
            <h2>Events</h2>
            <ol class="pb-events">
              {markers.map((view, index) => (
                <li key={index}>
                  <button type="button" class={`pb-event pb-group-${view.group}`} data-kind={view.marker.kind} aria-current={state.selected === index} onClick={() => playback.select(index)}>
                    <span class="pb-event-time">{clockText(view.time - start)}</span> {view.label}
                    {view.group === "chat" ? `: ${view.detail}` : ""}
                  </button>
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </div>
  );
}
