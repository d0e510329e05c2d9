// The interview's clock is the server's: three people whose computers' clocks disagree by minutes
// see the same time left, within a second, after the interviewer starts it, after a reload and
// after the server restarts; its warnings show to every role. It runs alone (BrowserIT runs
// e2e/alone/ after the other files) because it stops and starts the server.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WAIT } from "../support/env.mjs";
import { connected, scenario } from "../support/scenario.mjs";
import { createRoom, problem, serverControl } from "../support/rooms.mjs";

const MINUTE = 60_000;

/** The clock's time left as it shows it, in seconds (negative in overtime). */
async function secondsLeft(page) {
  const text = (await page.locator("#clock-time").innerText()).trim();
  const over = text.startsWith("+");
  const parts = text.replace("+", "").split(":").map(Number);
  assert.ok(parts.every(Number.isFinite), `a clock reading: ${text}`);
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return over ? -seconds : seconds;
}

/**
 * Waits until every page's clock shows the same time left, within a second, in one round of reads
 * made at the same moment (a page may redraw its second a moment after another, or late on a busy
 * machine), and fails with the last readings if they never do. Returns the first page's reading
 * and when that round of reads began and ended (Date.now()), which bound when the clocks were read.
 */
async function agreeAt(pages, what) {
  const deadline = Date.now() + WAIT.timeout;
  for (;;) {
    const from = Date.now();
    const readings = await Promise.all(pages.map(secondsLeft));
    const to = Date.now();
    const spread = Math.max(...readings) - Math.min(...readings);
    if (spread <= 1) return { seconds: readings[0], from, to };
    assert.ok(Date.now() < deadline, `${what}: the clocks agree within a second, but read ${readings.join(", ")} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every page's clock shows the same time left, within a second: the first page's reading. */
async function agree(pages, what) {
  return (await agreeAt(pages, what)).seconds;
}

/** Opens the interviewer's clock controls and uses one. */
async function control(page, id) {
  await page.locator("#clock-menu").click();
  await page.locator(`#${id}`).click();
}

const phase = (page) => page.locator("#clock").getAttribute("data-phase");

test("the clock agrees across clients with skewed clocks, after a reload and a server restart", { timeout: 240_000 }, scenario(async ({ open, shot }) => {
  const estimate = (await problem("two-sum")).timeEstimateMinutes;
  const { links } = await createRoom({ title: "Clock room", problemId: "two-sum" });
  // The candidate's computer is 7 minutes fast and the observer's 3 minutes slow: their clocks
  // must still show the server's time.
  const skewed = async (url, offsetMs) => {
    const page = await open(null);
    await page.clock.install({ time: new Date(Date.now() + offsetMs) });
    await page.goto(url);
    return page;
  };
  const interviewer = await open(links.interviewer);
  const candidate = await skewed(links.candidate, 7 * MINUTE);
  const observer = await skewed(links.observer, -3 * MINUTE);
  const everyone = [interviewer, candidate, observer];
  await Promise.all(everyone.map(connected));
  for (const page of everyone) assert.equal(await phase(page), "idle");
  assert.equal(await candidate.locator("#clock-menu").count(), 0, "only interviewers control the clock");
  assert.equal(await observer.locator("#clock-menu").count(), 0, "only interviewers control the clock");

  // Started from the problem's estimate.
  const startedAt = Date.now();
  await control(interviewer, "clock-start");
  await Promise.all(everyone.map((page) => page.locator('#clock[data-phase="running"]').waitFor(WAIT)));
  const { seconds: started, to: readBy } = await agreeAt(everyone, "after the start");
  // No more has gone than the time since the click (and a second for the clock's whole seconds).
  const since = Math.ceil((readBy - startedAt) / 1000);
  assert.ok(started <= estimate * 60 && started >= estimate * 60 - since - 1, `counts down from ${estimate} minutes: ${started} s, ${since} s after the start`);

  // Paused, it stands still for everyone at the same time left.
  await control(interviewer, "clock-pause");
  await Promise.all(everyone.map((page) => page.locator('#clock[data-phase="paused"]').waitFor(WAIT)));
  const paused = await agree(everyone, "paused");
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(await secondsLeft(candidate), paused, "a paused clock stands still");
  await control(interviewer, "clock-resume");
  await Promise.all(everyone.map((page) => page.locator('#clock[data-phase="running"]').waitFor(WAIT)));

  // A reload shows the server's clock, not one that starts when the page joined.
  await candidate.reload();
  await connected(candidate);
  await candidate.locator('#clock[data-phase="running"]').waitFor(WAIT);
  assert.ok((await agree(everyone, "after the candidate's reload")) <= paused);

  // A one-minute clock: the five-minute warning shows at once, to every role.
  await control(interviewer, "clock-stop");
  await interviewer.locator('#clock[data-phase="stopped"]').waitFor(WAIT);
  await interviewer.locator("#clock-menu").click();
  await interviewer.locator("#clock-minutes").fill("1");
  await interviewer.locator("#clock-start").click();
  for (const page of everyone) {
    await page.locator('#clock[data-phase="warning"]').waitFor(WAIT);
    assert.equal(await page.locator("#clock-warning").innerText(), "5 minutes left.");
  }
  const beforeRestart = await agreeAt(everyone, "the one-minute clock");

  await serverControl("stop");
  try {
    await Promise.all(everyone.map((page) => page.locator('#connection[data-state="reconnecting"]').waitFor(WAIT)));
    // Down for a few seconds, so a clock that stood still (or started over) cannot pass for one
    // that went on.
    await new Promise((resolve) => setTimeout(resolve, 3000));
  } finally {
    // Started again whatever happened, so the scenarios after this one find their server.
    await serverControl("start");
  }
  await Promise.all(everyone.map(connected));
  const afterRestart = await agreeAt(everyone, "after the server restarted");
  // The time that passed between the two readings, at least and at most (each round of reads takes
  // a moment), with 2 s for the whole seconds each clock shows.
  const least = (afterRestart.from - beforeRestart.to) / 1000;
  const most = (afterRestart.to - beforeRestart.from) / 1000;
  const went = beforeRestart.seconds - afterRestart.seconds;
  assert.ok(
    went >= least - 2 && went <= most + 2,
    `the clock went on through the restart: ${beforeRestart.seconds} s, then ${afterRestart.seconds} s, ${least.toFixed(1)}-${most.toFixed(1)} s later`,
  );

  // Time is up for everyone, and the clock counts overtime.
  for (const page of everyone) {
    await page.locator('#clock[data-phase="overtime"]').waitFor({ timeout: 90_000 });
    await page.locator("#clock-warning", { hasText: "Time is up." }).waitFor(WAIT);
  }
  await interviewer.waitForTimeout(2000);
  assert.ok((await agree(everyone, "in overtime")) < 0, "overtime counts up past zero");
  // The interviewer's controls open from the clock.
  await interviewer.locator("#clock-menu").click();
  await interviewer.locator("#clock-panel #clock-stop").waitFor(WAIT);
  await shot(interviewer, "clock");
}));
