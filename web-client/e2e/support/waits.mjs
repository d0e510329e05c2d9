// How long a page may take to show what a step expects, and a run to finish. Apart from env.mjs so
// that helpers such as control.mjs also serve scripts that BrowserIT does not start.
export const WAIT = { timeout: 20_000 };
export const RUN_WAIT = { timeout: 60_000 };
