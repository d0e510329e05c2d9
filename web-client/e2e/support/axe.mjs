// axe-core in a page: the page's Content-Security-Policy allows scripts only from its own origin,
// so axe is served at an address of that origin (answered by Playwright, never by the server) and
// added as a script of the page; the policy stays on, so the scenario still sees any violation.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { BASE, WAIT } from "./env.mjs";
import { DESKTOP } from "./scenario.mjs";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_PATH = "/__axe-core.js";

/** The two themes; a browser context's colorScheme sets the system setting the pages follow. */
export const THEMES = ["light", "dark"];
export const inTheme = (colorScheme) => ({ ...DESKTOP, colorScheme });

/** Waits until the page shows the theme the system asks for. */
export async function themed(page, colorScheme) {
  await page.locator(`html[data-theme="${colorScheme}"]`).waitFor({ state: "attached", ...WAIT });
}

/** What fails a check: WCAG's "serious" and "critical" findings. */
const FAILING = new Set(["serious", "critical"]);

/**
 * Runs axe on the page as it is now (every rule but the experimental ones, which is axe's own
 * default) and returns its violations and how many rules it found nothing wrong with.
 */
export async function axeViolations(page) {
  const context = page.context();
  if (!context.axeRouted) {
    context.axeRouted = true;
    await context.route(BASE + AXE_PATH, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: AXE_SOURCE }),
    );
  }
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ url: BASE + AXE_PATH });
  return page.evaluate(async () => {
    // What is fading in or out is measured as it is when still: mid-way, axe would measure a
    // blend of the colours (a remote caret's name label fades after a few seconds).
    for (const animation of document.getAnimations()) {
      if (animation.effect?.getComputedTiming().endTime !== Infinity) animation.cancel();
    }
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    const violations = result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
    }));
    return { violations, passed: result.passes.length };
  });
}

/** One line per violation and node: its id, impact, target and help, and what axe measured. */
export function describe(violations) {
  return violations
    .flatMap((v) => v.targets.map((t) => `${v.impact} ${v.id} at ${t.target}: ${v.help}\n    ${t.summary?.replace(/\n/g, "\n    ")}`))
    .join("\n");
}

/**
 * axe's findings over several pages of a scenario: `check` runs axe on a page as it is now and
 * keeps what it finds; `assertClean` fails if anything serious or critical was found, naming every
 * finding (lesser ones are printed, not failed), so one run shows all that is wrong at once.
 */
export class Audit {
  findings = [];

  async check(page, what) {
    const { violations, passed } = await axeViolations(page);
    this.findings.push({ what, violations });
    const counts = violations.reduce((n, v) => n + v.targets.length, 0);
    console.log(`axe on ${what}: ${passed} rules passed, ${violations.length} violated at ${counts} nodes`);
  }

  assertClean() {
    const report = (filter) =>
      this.findings
        .map(({ what, violations }) => ({ what, violations: violations.filter(filter) }))
        .filter(({ violations }) => violations.length > 0)
        .map(({ what, violations }) => `on ${what}:\n${describe(violations)}`)
        .join("\n");
    const lesser = report((v) => !FAILING.has(v.impact));
    if (lesser) console.log(`axe, moderate or minor:\n${lesser}`);
    const failing = report((v) => FAILING.has(v.impact));
    assert.equal(failing, "", `axe found serious or critical violations:\n${failing}`);
  }
}
