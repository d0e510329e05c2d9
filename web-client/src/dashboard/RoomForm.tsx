import { useState } from "preact/hooks";
import type { Language, ProblemListing } from "../api";
import { Dialog } from "../ui/Dialog";
import type { DashboardRoom, RoomPlanInput } from "./api";
import { fromLocalInput, localInput, plannedValidity } from "./format";

interface FormState {
  title: string;
  language: string;
  problemId: string;
  scheduledAt: string;
  durationMinutes: string;
  candidateName: string;
  candidateEmail: string;
  password: string;
  removePassword: boolean;
  candidateLinkHours: string;
}

/**
 * Creating an interview, or editing one before its candidate joined: schedule, candidate, problem,
 * language, an optional password, and how long the candidate link lasts (explained as it is
 * chosen).
 */
export function RoomForm(props: {
  room?: DashboardRoom;
  languages: Language[];
  problems: ProblemListing[];
  onSave(plan: RoomPlanInput): Promise<void>;
  onCancel(): void;
}) {
  const { room } = props;
  const [form, setForm] = useState<FormState>({
    title: room?.title ?? "",
    language: room?.language ?? props.languages[0]?.id ?? "python",
    problemId: room?.problem?.id ?? "",
    scheduledAt: localInput(room?.scheduledAt ?? null),
    durationMinutes: String(room?.durationMinutes ?? 60),
    candidateName: room?.candidateName ?? "",
    candidateEmail: room?.candidateEmail ?? "",
    password: "",
    removePassword: false,
    candidateLinkHours: room?.candidateLinkHours ? String(room.candidateLinkHours) : "",
  });
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const set = (changes: Partial<FormState>) => setForm({ ...form, ...changes });
  const text = (field: keyof FormState) => ({
    value: form[field] as string,
    onInput: (e: Event) => set({ [field]: (e.currentTarget as HTMLInputElement).value }),
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    setError("");
    setBusy(true);
    const template = props.languages.find((l) => l.id === form.language)?.template;
    const plan: RoomPlanInput = {
      title: form.title.trim(),
      language: form.language,
      problemId: form.problemId || null,
      scheduledAt: fromLocalInput(form.scheduledAt),
      durationMinutes: form.durationMinutes ? Number(form.durationMinutes) : null,
      candidateName: form.candidateName.trim() || null,
      candidateEmail: form.candidateEmail.trim() || null,
      candidateLinkHours: form.candidateLinkHours ? Number(form.candidateLinkHours) : null,
    };
    if (form.password) plan.password = form.password;
    else if (form.removePassword) plan.password = null;
    if (!room && !form.problemId && template) plan.starterCode = template;
    try {
      await props.onSave(plan);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  const id = room ? "edit-room" : "create-room";
  const chosen = props.problems.find((p) => p.id === form.problemId);
  const languageName = props.languages.find((l) => l.id === form.language)?.displayName ?? form.language;
  // What the code starts as (a new room only: an edit leaves the code as it is).
  const hint = room
    ? ""
    : chosen
      ? `The code starts as ${chosen.title}'s ${languageName} starter; Submit runs its tests.`
      : props.languages.some((l) => l.id === form.language && l.template)
        ? `The code starts as a ${languageName} template that reads input and prints.`
        : "";
  return (
    <Dialog id={`${id}-dialog`} class="room-form-dialog" labelledBy={`${id}-title`} onCancel={props.onCancel}>
      <h2 id={`${id}-title`}>{room ? `Edit “${room.title}”` : "New interview"}</h2>
      <form class="room-form" onSubmit={submit}>
        <label for="room-title">Title</label>
        <input id="room-title" type="text" required maxLength={200} placeholder="Backend interview" {...text("title")} />
        <label for="candidate-name">Candidate</label>
        <input id="candidate-name" type="text" maxLength={80} placeholder="Their name" {...text("candidateName")} />
        <label for="candidate-email">Candidate's email (optional)</label>
        <input id="candidate-email" type="email" maxLength={254} {...text("candidateEmail")} />
        <label for="scheduled-at">Scheduled for</label>
        <input id="scheduled-at" type="datetime-local" {...text("scheduledAt")} />
        <label for="duration">Duration (minutes)</label>
        <input id="duration" type="number" min={1} max={1440} {...text("durationMinutes")} />
        <label for="room-language">Language</label>
        <select id="room-language" value={form.language} onChange={(e) => set({ language: e.currentTarget.value })}>
          {props.languages.map((l) => (
            <option key={l.id} value={l.id}>
              {l.displayName} ({l.version})
            </option>
          ))}
        </select>
        <label for="room-problem">Problem</label>
        <select id="room-problem" value={form.problemId} onChange={(e) => set({ problemId: e.currentTarget.value })}>
          <option value="">None (free coding)</option>
          {props.problems.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        {hint ? (
          <p id="start-hint" class="muted hint">
            {hint}
          </p>
        ) : null}
        <label for="room-password">Room password (optional)</label>
        <input
          id="room-password"
          type="password"
          autocomplete="new-password"
          maxLength={128}
          placeholder={room?.hasPassword ? "Unchanged" : "None"}
          aria-describedby="password-hint"
          {...text("password")}
        />
        <p id="password-hint" class="muted hint">
          The candidate and observers type it once before joining; interviewers of your team never do.
        </p>
        {room?.hasPassword ? (
          <label class="check">
            <input type="checkbox" id="remove-password" checked={form.removePassword} onChange={(e) => set({ removePassword: e.currentTarget.checked })} />
            Remove the password
          </label>
        ) : null}
        <label for="link-hours">Candidate link valid for (hours, optional)</label>
        <input id="link-hours" type="number" min={1} max={2160} placeholder="Until the interview is over" aria-describedby="validity-hint" {...text("candidateLinkHours")} />
        <p id="validity-hint" class="muted hint">
          {plannedValidity(form)}
        </p>
        <p class="form-error" role="alert">
          {error}
        </p>
        <div class="dialog-actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" id={`${id}-save`} class="primary" disabled={busy}>
            {room ? "Save changes" : "Create interview"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
