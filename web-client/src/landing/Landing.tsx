import { useEffect, useState } from "preact/hooks";
import { createRoom, languages, problems, type CreatedRoom, type Language, type ProblemListing } from "../api";
import { fetchReadiness, type Check } from "../status";
import { ThemeToggle } from "../ui/ThemeToggle";
import { RoomLinks } from "./RoomLinks";

const KEY_STORAGE = "coderoom.apiKey";

/** The landing page: an interviewer pastes the API key, names the room, and gets its three links. */
export default function Landing() {
  const [languageList, setLanguages] = useState<Language[]>([]);
  const [problemList, setProblems] = useState<ProblemListing[]>([]);
  const [checks, setChecks] = useState<Check[] | null | "unreachable">(null);
  const [apiKey, setApiKey] = useState(() => sessionStorage.getItem(KEY_STORAGE) ?? "");
  const [title, setTitle] = useState("");
  const [language, setLanguage] = useState("python");
  const [problemId, setProblemId] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedRoom | null>(null);

  useEffect(() => {
    document.title = "Coderoom";
    languages()
      .then((list) => {
        if (list.length === 0) return;
        setLanguages(list);
        if (!list.some((l) => l.id === language)) setLanguage(list[0].id);
      })
      .catch(() => undefined);
    problems().then(setProblems);
    fetchReadiness().then(setChecks, () => setChecks("unreachable"));
  }, []);

  const create = async (event: Event) => {
    event.preventDefault();
    setError("");
    setBusy(true);
    try {
      const key = apiKey.trim();
      // Without a problem the room starts from the language's template, so the candidate has
      // runnable code from the first minute (an interviewer can clear it).
      const template = languageList.find((l) => l.id === language)?.template;
      const room = await createRoom(key, {
        title: title.trim(),
        language,
        problemId: problemId || undefined,
        starterCode: problemId ? undefined : template || undefined,
      });
      sessionStorage.setItem(KEY_STORAGE, key);
      setCreated(room);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const chosen = problemList.find((p) => p.id === problemId);
  const languageName = languageList.find((l) => l.id === language)?.displayName ?? language;
  const hint = chosen
    ? `The code starts as ${chosen.title}'s ${languageName} starter; Submit runs its tests.`
    : languageList.some((l) => l.id === language && l.template)
      ? `The code starts as a ${languageName} template that reads input and prints.`
      : "";

  return (
    <main class="landing">
      <header class="landing-head">
        <h1>Coderoom</h1>
        <ThemeToggle />
      </header>
      <p class="tagline">Live collaborative coding interviews, self-hosted.</p>
      <section aria-labelledby="new-interview">
        <h2 id="new-interview">New interview</h2>
        <form class="create" onSubmit={create}>
          <label for="api-key">API key</label>
          <input
            id="api-key"
            type="password"
            autocomplete="off"
            required
            placeholder="CODEROOM_API_KEY"
            value={apiKey}
            onInput={(e) => setApiKey(e.currentTarget.value)}
          />
          <label for="room-title">Title</label>
          <input
            id="room-title"
            type="text"
            required
            maxLength={200}
            placeholder="Backend interview: Jane"
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
          <label for="room-language">Language</label>
          <select id="room-language" required value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
            {languageList.length === 0 ? (
              <option value="python">Python</option>
            ) : (
              languageList.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.displayName} ({l.version})
                </option>
              ))
            )}
          </select>
          {problemList.length > 0 ? (
            <>
              <label for="room-problem">Problem</label>
              <select id="room-problem" value={problemId} onChange={(e) => setProblemId(e.currentTarget.value)}>
                <option value="">None (free coding)</option>
                {problemList.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            </>
          ) : null}
          {hint ? (
            <p id="start-hint" class="muted hint">
              {hint}
            </p>
          ) : null}
          <button type="submit" class="primary" disabled={busy}>
            Create room
          </button>
          <p class="form-error" role="alert">
            {error}
          </p>
        </form>
      </section>
      <section id="links" class="links" aria-live="polite">
        {created ? <RoomLinks room={created} /> : null}
      </section>
      <section class="status" aria-labelledby="server-status">
        <h2 id="server-status">Server</h2>
        <ul id="checks">
          {checks === null ? (
            <li class="pending">Checking…</li>
          ) : checks === "unreachable" ? (
            <li class="bad">server: not answering</li>
          ) : (
            checks.map((c) => (
              <li key={c.name} class={c.ok ? "ok" : "bad"}>
                {c.ok ? c.name : `${c.name}: ${c.detail ?? "unreachable"}`}
              </li>
            ))
          )}
        </ul>
      </section>
    </main>
  );
}
