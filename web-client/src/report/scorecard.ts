import type { Recommendation, RoomScorecards, Scorecard } from "./types";

/** What the scorecard form holds while an interviewer fills it in. */
export interface Draft {
  ratings: Record<string, number | undefined>;
  notes: string;
  recommendation: Recommendation | null;
}

/** A draft from the interviewer's scorecard, or an empty one for the room's criteria. */
export function draftOf(form: RoomScorecards): Draft {
  const ratings: Record<string, number | undefined> = {};
  for (const criterion of form.criteria) ratings[criterion] = undefined;
  const mine: Scorecard | null = form.mine;
  if (mine) {
    // A criterion the team renamed since has no rating to carry over: it is asked again.
    for (const { criterion, rating } of mine.ratings) if (criterion in ratings) ratings[criterion] = rating;
  }
  return { ratings, notes: mine?.notes ?? "", recommendation: mine?.recommendation ?? null };
}

/** What is still missing before the draft can be sent, in a sentence; null when it is complete. */
export function missing(draft: Draft): string | null {
  const unrated = Object.entries(draft.ratings)
    .filter(([, rating]) => rating === undefined)
    .map(([criterion]) => criterion);
  if (unrated.length > 0) return `Rate ${unrated.join(", ")}.`;
  if (!draft.recommendation) return "Choose a recommendation.";
  return null;
}

/** The request body of a complete draft. */
export function bodyOf(draft: Draft): { ratings: { criterion: string; rating: number }[]; notes: string; recommendation: Recommendation } {
  if (missing(draft) !== null) throw new Error(missing(draft)!);
  return {
    ratings: Object.entries(draft.ratings).map(([criterion, rating]) => ({ criterion, rating: rating! })),
    notes: draft.notes,
    recommendation: draft.recommendation!,
  };
}
