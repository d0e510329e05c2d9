import { describe, expect, test } from "vitest";
import { RunConsole, type RunFinished } from "../src/room/console";

// The console's lines for a run someone stopped: who asked, and who stopped it, live or stored.
const stopped = (fields: Partial<RunFinished> = {}): RunFinished => ({ runId: "r1", status: "stopped", exitCode: 137, compileMs: 0, runMs: 1500, memoryBytes: 1024, ...fields });

describe("a stopped run in the console", () => {
  test("who asked to stop it shows while it is still ending, for the run shown only", () => {
    const runConsole = new RunConsole();
    runConsole.started("r1", "candidate", "run");
    runConsole.stopping("r0", "Ada");
    expect(runConsole.store.value.status).toEqual({ state: "running", text: "Running… (started by candidate)" });
    runConsole.stopping("r1", "Ada");
    expect(runConsole.store.value.status).toEqual({ state: "running", text: "Stopping… (asked by Ada)" });
  });

  test("its end names who stopped it, without an exit code the kill chose", () => {
    const runConsole = new RunConsole();
    runConsole.started("r1", "candidate", "run");
    runConsole.finished(stopped(), "Ada");
    expect(runConsole.store.value.status).toEqual({ state: "stopped", text: "Stopped by Ada · run 1.50 s · memory 1 KB" });
  });

  test("without a name it is just Stopped, and a name given for another status is not used", () => {
    const runConsole = new RunConsole();
    runConsole.started("r1", "candidate", "run");
    runConsole.finished(stopped({ runMs: -1, memoryBytes: -1 }));
    expect(runConsole.store.value.status).toEqual({ state: "stopped", text: "Stopped" });
    runConsole.started("r2", "candidate", "run");
    runConsole.finished(stopped({ runId: "r2", status: "timeout", runMs: -1, memoryBytes: -1 }), "Ada");
    expect(runConsole.store.value.status).toEqual({ state: "failed", text: "Time limit exceeded" });
  });

  test("a stopped test run has no results, and the Tests tab says who stopped it", () => {
    const runConsole = new RunConsole();
    runConsole.started("r1", "candidate", "submit");
    runConsole.finished(stopped(), "Ada");
    expect(runConsole.store.value.tests).toBeNull();
    expect(runConsole.store.value.testsNote).toBe("No test results: stopped by Ada. The Output tab says why.");
  });

  test("a stored stopped run takes the name from its message, 'Stopped by <name>.'", () => {
    const runConsole = new RunConsole();
    runConsole.past({ id: "p1", status: "stopped", createdAt: "2026-01-01T10:00:00Z", exitCode: 137, runMs: 1500, memoryBytes: 1024, message: "Stopped by Ada Lovelace Jr.." });
    expect(runConsole.store.value.status).toEqual({ state: "stopped", text: "Stopped by Ada Lovelace Jr. · run 1.50 s · memory 1 KB" });
    const other = new RunConsole();
    other.past({ id: "p2", status: "stopped", createdAt: "2026-01-01T10:00:00Z", runMs: -1, memoryBytes: -1, message: "The runner went away." });
    expect(other.store.value.status).toEqual({ state: "stopped", text: "Stopped" });
    const failed = new RunConsole();
    failed.past({ id: "p3", status: "runtime_error", createdAt: "2026-01-01T10:00:00Z", exitCode: 1, runMs: -1, memoryBytes: -1, message: "Stopped by Ada." });
    expect(failed.store.value.status.text).toBe("Runtime error · exit 1");
  });
});
