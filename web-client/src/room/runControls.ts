import type { ProblemListing } from "../api";

/**
 * What Run and Submit do, in the words the buttons' tooltips and the welcome use. They follow the
 * server: `run` runs the room's code as a program with the Input tab's text on stdin, in a room
 * with a problem too (it does not call the function with the examples); `submit` runs the
 * problem's public and hidden tests, and may be sent again as often as the room's run limit allows.
 */
export function runDescription(hasProblem: boolean): string {
  const what = "Runs your program as it is now, with the Input tab's text as its input (stdin); everyone in the room sees the output.";
  return hasProblem ? `${what} It does not call the function with the examples: Run examples does.` : what;
}

export function submitDescription(listing: ProblemListing | undefined): string {
  const examples = listing?.examples?.length ?? 0;
  const hidden = listing?.hiddenTests ?? 0;
  const which =
    examples > 0 || hidden > 0
      ? `all ${examples + hidden} of the problem's tests: the ${plural(examples, "example")} shown and ${plural(hidden, "hidden test")}`
      : "all of the problem's tests, the hidden ones included";
  return `Runs ${which}. You can submit again as often as you like; the last submission's results are the ones shown.`;
}

/** What Run examples does: the public tests only, shown in full to everyone. */
export function examplesDescription(listing: ProblemListing | undefined): string {
  const examples = listing?.examples?.length;
  const which = examples !== undefined ? `the problem's ${plural(examples, "example")}` : "the problem's examples";
  return `Calls your function with ${which} (the public tests) and shows everyone the results in full. Hidden tests run only on Submit.`;
}

/** The stop button's tooltip. */
export const STOP_DESCRIPTION = "Stops the program that is running now, for everyone in the room.";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
