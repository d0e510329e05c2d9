import "./problem.css";
import { categoryName } from "./filters";

/** A problem's difficulty, categories and time estimate, as short labels. */
export function ProblemBadges(props: { difficulty?: string; categories?: string[]; timeEstimateMinutes?: number; extra?: string[] }) {
  const { difficulty, categories = [], timeEstimateMinutes, extra = [] } = props;
  if (!difficulty && categories.length === 0 && !timeEstimateMinutes && extra.length === 0) return null;
  return (
    <ul class="problem-badges" aria-label="About this problem">
      {difficulty ? <li class={`badge difficulty difficulty-${difficulty}`}>{difficulty}</li> : null}
      {categories.map((c) => (
        <li key={c} class="badge category" data-category={c}>
          {categoryName(c)}
        </li>
      ))}
      {timeEstimateMinutes ? <li class="badge estimate">~{timeEstimateMinutes} min</li> : null}
      {extra.map((e) => (
        <li key={e} class="badge">
          {e}
        </li>
      ))}
    </ul>
  );
}
