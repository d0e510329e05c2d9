// Screen sizes and measurements for the layout scenarios.
import assert from "node:assert/strict";
import { API_KEY, BASE } from "./env.mjs";

/** A phone held upright and sideways, and the narrowest screen the pages must fit. */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
export const LANDSCAPE = { viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true };
export const SMALLEST = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

/** The element's box, waiting until it is shown. */
export async function box(page, selector) {
  const located = page.locator(selector);
  await located.waitFor({ timeout: 20_000 });
  const found = await located.boundingBox();
  assert.ok(found, `${selector} has a box`);
  return found;
}

/** How a separator describes itself: its ARIA value and bounds, as numbers. */
export async function separatorValue(page, selector) {
  const located = page.locator(selector);
  const [now, min, max, orientation] = await Promise.all(["aria-valuenow", "aria-valuemin", "aria-valuemax", "aria-orientation"].map((a) => located.getAttribute(a)));
  return { now: Number(now), min: Number(min), max: Number(max), orientation };
}

/** Issues one more link to a room, as the API key's holder. */
export async function issueLink(roomId, role, name) {
  const response = await fetch(`${BASE}/api/rooms/${roomId}/links`, {
    method: "POST",
    headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ role, name }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()).url;
}

/** Asserts that the page scrolls no wider than its screen. */
export async function assertNoSidewaysScroll(page, width, what) {
  const scroll = await page.evaluate((width) => {
    // The outermost elements that reach past the screen's edge, to say what to fix.
    const past = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5 && !(e.parentElement?.getBoundingClientRect().right > width + 0.5))
      .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}: ${Math.round(e.getBoundingClientRect().right)}`);
    return { document: document.documentElement.scrollWidth, body: document.body.scrollWidth, past };
  }, width);
  assert.ok(scroll.document <= width && scroll.body <= width, `${what} is ${JSON.stringify(scroll)} px wide on a ${width} px screen`);
}

/**
 * Asserts that every control shown on the page is at least 44 px each way (links in running text
 * aside), measuring the boxes in the page in one go.
 */
export async function assertTouchTargets(page, what) {
  const measured = await page.evaluate(() =>
    [...document.querySelectorAll('button, select, [role="tab"], a.primary, .dialog-actions a, input:not([type="checkbox"]):not([type="hidden"])')]
      .filter((e) => e.checkVisibility())
      .map((e) => {
        const box = e.getBoundingClientRect();
        return { what: e.getAttribute("aria-label") || e.id || e.textContent.trim(), width: Math.round(box.width), height: Math.round(box.height) };
      }),
  );
  assert.ok(measured.length > 0, `${what} has controls to measure`);
  const small = measured.filter((c) => c.width < 44 || c.height < 44);
  assert.deepEqual(small, [], `${what}: controls smaller than 44 px`);
  return measured.length;
}

/** Two Sum (server/src/main/resources/problems/two-sum/) fails on one public case with this. */
export const WRONG_TWO_SUM = "def twoSum(nums, target):\n    print('trying', nums)\n    return [0, 1]\n";
