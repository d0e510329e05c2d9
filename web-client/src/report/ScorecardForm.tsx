import { useState } from "preact/hooks";
import { when } from "./format";
import { draftOf, missing, type Draft } from "./scorecard";
import type { RoomScorecards } from "./types";

/**
 * The interviewer's own scorecard: a rating per criterion, a recommendation and free text,
 * submitted once and saved again until the room is archived.
 */
export function ScorecardForm(props: { form: RoomScorecards; onSave(draft: Draft): Promise<void> }) {
  const { form } = props;
  const [draft, setDraft] = useState<Draft>(() => draftOf(form));
  const [error, setError] = useState("");
  const [saved, setSaved] = useState("");
  const [busy, setBusy] = useState(false);
  const submitted = form.mine !== null;
  const locked = !form.canWrite;

  const rate = (criterion: string, rating: number) => setDraft({ ...draft, ratings: { ...draft.ratings, [criterion]: rating } });
  const save = async (e: Event) => {
    e.preventDefault();
    const gap = missing(draft);
    setSaved("");
    if (gap) return setError(gap);
    setBusy(true);
    setError("");
    try {
      await props.onSave(draft);
      setSaved(submitted ? "Saved." : "Submitted.");
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="scorecard" class="report-section scorecard-form no-print" aria-labelledby="scorecard-title">
      <h2 id="scorecard-title">Your scorecard</h2>
      {locked ? (
        <p class="muted">{form.archivedAt ? `The report was archived ${when(form.archivedAt)}: scorecards are final.` : "Scorecards are written by the room's interviewers in person."}</p>
      ) : (
        <p class="muted">{submitted ? "Submitted. You can change it until the report is archived." : "Rate each criterion and recommend; you can edit it later."}</p>
      )}
      <form onSubmit={save}>
        <fieldset disabled={locked || busy}>
          {form.criteria.map((criterion, i) => (
            <fieldset class="rating-group" key={criterion}>
              <legend>{criterion}</legend>
              <div class="choice-row">
                {form.scale.map((step) => (
                  <label class="choice" key={step.value}>
                    <input
                      type="radio"
                      name={`criterion-${i}`}
                      value={step.value}
                      data-criterion={criterion}
                      checked={draft.ratings[criterion] === step.value}
                      onChange={() => rate(criterion, step.value)}
                    />
                    <span>
                      {step.value} · {step.label}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <fieldset class="rating-group">
            <legend>Recommendation</legend>
            <div class="choice-row">
              {form.recommendations.map((option) => (
                <label class={`choice rec-${option.value}`} key={option.value}>
                  <input
                    type="radio"
                    name="recommendation"
                    value={option.value}
                    checked={draft.recommendation === option.value}
                    onChange={() => setDraft({ ...draft, recommendation: option.value })}
                  />
                  <span>{option.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <label for="scorecard-notes">Notes</label>
          <textarea id="scorecard-notes" rows={5} maxLength={20000} value={draft.notes} onInput={(e) => setDraft({ ...draft, notes: e.currentTarget.value })} />
          <p class="form-error" role="alert">
            {error}
          </p>
          <p class="form-ok" role="status">
            {saved}
          </p>
          {locked ? null : (
            <button type="submit" id="scorecard-submit" class="primary">
              {submitted ? "Save scorecard" : "Submit scorecard"}
            </button>
          )}
        </fieldset>
      </form>
    </section>
  );
}
