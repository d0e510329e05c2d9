import { useState } from "preact/hooks";
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
 * is up) show to every role. Interviewers also get its controls.
 */
export function Clock(props: { clock: InterviewClock; controls: boolean; estimateMinutes: number | null; onCommand(command: ClockCommand): void }) {
  const { reading, clock } = useStore(props.clock.store);
  const [minutes, setMinutes] = useState<string>("");
  if (!reading || !clock) return null;
  const going = clock.status === "running" || clock.status === "paused";
  const chosen = Number(minutes || props.estimateMinutes || 0);
  return (
    <div class="clock-group">
      <span id="clock" class={`clock clock-phase-${reading.phase}`} role="timer" data-phase={reading.phase} title={PHASE_LABELS[reading.phase]}>
        <span class="visually-hidden">{PHASE_LABELS[reading.phase]}: </span>
        <span id="clock-time">{reading.text}</span>
      </span>
      {/* Announced once as it appears, to every role. */}
      <span id="clock-warning" class="clock-alert" role="status">
        {reading.warning ?? ""}
      </span>
      {props.controls ? (
        <span class="clock-controls">
          {going ? (
            <>
              {clock.status === "running" ? (
                <button type="button" id="clock-pause" onClick={() => props.onCommand({ type: "clock_pause" })}>
                  Pause
                </button>
              ) : (
                <button type="button" id="clock-resume" onClick={() => props.onCommand({ type: "clock_resume" })}>
                  Resume
                </button>
              )}
              <button type="button" id="clock-extend" title="Five more minutes" onClick={() => props.onCommand({ type: "clock_extend", byMs: 5 * 60_000 })}>
                +5 min
              </button>
              <button type="button" id="clock-stop" onClick={() => props.onCommand({ type: "clock_stop" })}>
                Stop clock
              </button>
            </>
          ) : (
            <>
              <input
                id="clock-minutes"
                class="clock-minutes"
                type="number"
                min={1}
                max={1440}
                aria-label="Interview length in minutes"
                placeholder={props.estimateMinutes ? String(props.estimateMinutes) : "min"}
                value={minutes}
                onInput={(e) => setMinutes(e.currentTarget.value)}
              />
              <button
                type="button"
                id="clock-start"
                disabled={!(chosen >= 1)}
                title={minutes ? `Start a ${minutes}-minute clock` : props.estimateMinutes ? `Start the problem's ${props.estimateMinutes}-minute clock` : "Choose a length first"}
                onClick={() => props.onCommand(minutes ? { type: "clock_start", durationMs: Math.round(chosen * 60_000) } : { type: "clock_start" })}
              >
                Start clock
              </button>
            </>
          )}
        </span>
      ) : null}
    </div>
  );
}
