import "./library.css";
import { useEffect, useMemo, useState } from "preact/hooks";
import { languages, type Language } from "../api";
import { currentSession, type Session } from "../account/session";
import { ThemeToggle } from "../ui/ThemeToggle";
import { fromQuery, toQuery } from "./filters";
import { ProblemFinder } from "./finder";
import { FinderView } from "./FinderView";

/**
 * /problems: the problem library. Anyone may read the curated problems; a signed-in member also
 * finds their team's problems, drafts included, and opens them in the authoring page.
 */
export default function LibraryPage() {
  const finder = useMemo(
    () =>
      new ProblemFinder(fromQuery(location.search), undefined, (filters) => {
        const query = toQuery(filters);
        history.replaceState(history.state, "", `/problems${query ? "?" + query : ""}`);
      }),
    [],
  );
  const [session, setSession] = useState<Session | null>(null);
  const [languageList, setLanguages] = useState<Language[]>([]);
  useEffect(() => {
    document.title = "Problems · Coderoom";
    currentSession().then(setSession);
    languages().then(setLanguages, () => undefined);
    finder.start();
    return () => finder.stop();
  }, [finder]);
  return (
    <main class="library">
      <header class="library-head">
        <h1>Problems</h1>
        {session ? (
          <>
            <span class="muted">{session.team.name}</span>
            <a class="button primary" id="new-problem" href="/problems/new">
              New problem
            </a>
            <a class="button" href="/dashboard">
              Interviews
            </a>
          </>
        ) : (
          <a class="button" href="/signin">
            Sign in
          </a>
        )}
        <ThemeToggle />
      </header>
      <FinderView
        finder={finder}
        languages={languageList}
        showSource={session !== null}
        actions={(problem) =>
          session && problem.source === "team" ? (
            <a class="button" id="edit-problem" href={`/problems/${encodeURIComponent(problem.id)}/edit`}>
              Edit
            </a>
          ) : null
        }
      />
    </main>
  );
}
