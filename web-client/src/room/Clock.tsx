import { useRef, useState } from "preact/hooks";
import { useStore } from "../app/store";
import type { InterviewClock } from "./clock";
import type { ClockCommand } from "./session";

const PHASE_LABELS = {
  idle: "The clock has not started",
  running: "Time left",
  warning: "Time left: under 5 minutes",
  overtime: "Overtime",
  paused: "The clock is paused; time left",
  stopped: "The clock is stopped; time left",
};

/**
 * The interview's clock in the top bar, the same for everyone; its warnings (5 minutes left, time
 * is up) show to every role. For interviewers the clock is also a button that opens its controls
 * (a popover, so the top bar keeps to one line).
 */
export function Clock(props: { clock: InterviewClock; controls: boolean; estimateMinutes: number | null; onCommand(command: ClockCommand): void }) {
  const { reading, clock } = useStore(props.clock.store);
  const [minutes, setMinutes] = useState<string>("");
  const panel = useRef<HTMLDivElement>(null);
  if (!reading || !clock) return null;
  const going = clock.status === "running" || clock.status === "paused";
  const chosen = Number(minutes || props.estimateMinutes || 0);
  const send = (command: ClockCommand) => {
    props.onCommand(command);
    panel.current?.hidePopover();
  };
  const face = (
    <span id="clock" class={`clock clock-phase-${reading.phase}`} role="timer" data-phase={reading.phase} title={PHASE_LABELS[reading.phase]}>
      <span class="visually-hidden">{PHASE_LABELS[reading.phase]}: </span>
      <span id="clock-time">{reading.text}</span>
    </span>
  );
  return (
    <div class="clock-group">
      {props.controls ? (
        <>
          <button type="button" id="clock-menu" class="clock-button" popovertarget="clock-panel" aria-label={`Clock: ${reading.text}. Controls`}>
            {face}
          </button>
          <div id="clock-panel" ref={panel} class="clock-panel" popover="auto" aria-label="Clock controls">
            {going ? (
              <>
                {clock.status === "running" ? (
                  <button type="button" id="clock-pause" onClick={() => send({ type: "clock_pause" })}>
                    Pause
                  </button>
                ) : (
                  <button type="button" id="clock-resume" onClick={() => send({ type: "clock_resume" })}>
                    Resume
                  </button>
                )}
                <button type="button" id="clock-extend" title="Five more minutes" onClick={() => send({ type: "clock_extend", byMs: 5 * 60_000 })}>
                  +5 min
                </button>
                <button type="button" id="clock-stop" onClick={() => send({ type: "clock_stop" })}>
                  Stop the clock
                </button>
              </>
            ) : (
              <>
                <label class="clock-length">
                  Minutes
                  <input
                    id="clock-minutes"
                    type="number"
                    min={1}
                    max={1440}
                    placeholder={props.estimateMinutes ? String(props.estimateMinutes) : ""}
                    value={minutes}
                    onInput={(e) => setMinutes(e.currentTarget.value)}
                  />
                </label>
                <button
                  type="button"
                  id="clock-start"
                  class="primary"
                  disabled={!(chosen >= 1)}
                  title={props.estimateMinutes && !minutes ? `The problem's estimate: ${props.estimateMinutes} minutes` : undefined}
                  onClick={() => send(minutes ? { type: "clock_start", durationMs: Math.round(chosen * 60_000) } : { type: "clock_start" })}
                >
                  Start the clock
                </button>
              </>
            )}
          </div>
        </>
      ) : (
        face
      )}
      {/* Announced once as it appears, to every role. */}
      <span id="clock-warning" class="clock-alert" role="status">
        {reading.warning ?? ""}
      </span>
    </div>
  );
}
