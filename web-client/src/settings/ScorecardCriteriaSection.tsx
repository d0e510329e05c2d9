import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "../api";

interface TeamCriteria {
  criteria: string[];
  defaults: string[];
  canEdit: boolean;
}

const PATH = "/api/team/scorecard-criteria";

/**
 * The criteria the team's scorecards rate (problem solving, code quality, communication and
 * testing until changed). Owners and admins edit the list; scorecards already written keep theirs.
 */
export function ScorecardCriteriaSection() {
  const [team, setTeam] = useState<TeamCriteria | null>(null);
  const [names, setNames] = useState<string[]>([]);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  useEffect(() => {
    call<TeamCriteria>(PATH).then(
      (answer) => {
        setTeam(answer);
        setNames(answer.criteria);
      },
      () => setTeam(null),
    );
  }, []);
  if (!team) return null;

  const save = async (list: string[]) => {
    setError("");
    setMessage("");
    try {
      const saved = await call<TeamCriteria>(PATH, { method: "PUT", body: JSON.stringify({ criteria: list.map((n) => n.trim()) }) });
      setTeam(saved);
      setNames(saved.criteria);
      setMessage("Saved. New scorecards rate these criteria.");
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="criteria-title" class="settings-section" id="scorecard-criteria">
      <h2 id="criteria-title">Scorecard criteria</h2>
      <p class="muted">What the team's interviewers rate, 1 to 4, in every scorecard. Scorecards already written keep the criteria they were written on.</p>
      {team.canEdit ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(names);
          }}
        >
          <ol class="settings-list">
            {names.map((name, i) => (
              <li key={i}>
                <label class="visually-hidden" for={`criterion-${i}`}>
                  Criterion {i + 1}
                </label>
                <input
                  id={`criterion-${i}`}
                  class="criterion-name"
                  required
                  maxLength={60}
                  value={name}
                  onInput={(e) => setNames(names.map((n, j) => (j === i ? e.currentTarget.value : n)))}
                />
                <button type="button" aria-label={`Remove ${name || "criterion " + (i + 1)}`} disabled={names.length === 1} onClick={() => setNames(names.filter((_, j) => j !== i))}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
          <div class="settings-nav">
            <button type="button" id="add-criterion" disabled={names.length >= 12} onClick={() => setNames([...names, ""])}>
              Add a criterion
            </button>
            <button type="button" id="reset-criteria" onClick={() => void save(team.defaults)}>
              Back to the defaults
            </button>
            <button type="submit" id="save-criteria" class="primary">
              Save criteria
            </button>
          </div>
          <p class="form-error" role="alert">
            {error}
          </p>
          <p class="muted" role="status">
            {message}
          </p>
        </form>
      ) : (
        <ol id="criteria-list">
          {team.criteria.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
