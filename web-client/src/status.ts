/** One line of the server status list: a dependency and whether the server can reach it. */
export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

/** Reads /readyz, which answers 200 or 503 with the same JSON body: `{ status, checks: { name: { ok, detail } } }`. */
export async function fetchReadiness(): Promise<Check[]> {
  const response = await fetch("/readyz", { headers: { accept: "application/json" } });
  const body = (await response.json()) as { checks?: Record<string, { ok: boolean; detail?: string }> };
  return Object.entries(body.checks ?? {}).map(([name, check]) => ({ name, ...check }));
}
