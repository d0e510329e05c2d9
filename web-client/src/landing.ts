import { createRoom, languages, problems, type CreatedRoom, type Language, type ProblemListing } from "./api";
import { copyText, h } from "./dom";
import { fetchReadiness } from "./status";

const KEY_STORAGE = "coderoom.apiKey";
const ROLE_LABELS: Record<string, string> = {
  interviewer: "Interviewer (you)",
  candidate: "Candidate",
  observer: "Observer",
};

/** The landing page: an interviewer pastes the API key, names the room, and gets its three links. */
export function showLanding(app: HTMLElement): void {
  document.title = "Coderoom";
  const apiKey = h("input", { id: "api-key", type: "password", autocomplete: "off", required: true, placeholder: "CODEROOM_API_KEY" });
  apiKey.value = sessionStorage.getItem(KEY_STORAGE) ?? "";
  const title = h("input", { id: "room-title", type: "text", required: true, maxlength: 200, placeholder: "Backend interview: Jane" });
  const language = h("select", { id: "room-language", required: true }, h("option", { value: "python" }, "Python"));
  const problem = h("select", { id: "room-problem" }, h("option", { value: "" }, "None (free coding)"));
  const problemLabel = h("label", { for: "room-problem", class: "hidden" }, "Problem");
  problem.classList.add("hidden");
  const startHint = h("p", { id: "start-hint", class: "muted hint" });
  let languageList: Language[] = [];
  let problemList: ProblemListing[] = [];
  const error = h("p", { class: "form-error", role: "alert" });
  const submit = h("button", { type: "submit", class: "primary" }, "Create room");
  const result = h("section", { id: "links", class: "links", "aria-live": "polite" });
  const checks = h("ul", { id: "checks" }, h("li", { class: "pending" }, "Checking…"));

  const form = h(
    "form",
    { class: "create", onsubmit: (event: Event) => void create(event) },
    h("label", { for: "api-key" }, "API key"),
    apiKey,
    h("label", { for: "room-title" }, "Title"),
    title,
    h("label", { for: "room-language" }, "Language"),
    language,
    problemLabel,
    problem,
    startHint,
    submit,
    error,
  );

  async function create(event: Event): Promise<void> {
    event.preventDefault();
    error.textContent = "";
    submit.disabled = true;
    try {
      const key = apiKey.value.trim();
      // Without a problem the room starts from the language's template, so the candidate has
      // runnable code from the first minute (an interviewer can clear it).
      const template = languageList.find((l) => l.id === language.value)?.template;
      const room = await createRoom(key, {
        title: title.value.trim(),
        language: language.value,
        problemId: problem.value || undefined,
        starterCode: problem.value ? undefined : template || undefined,
      });
      sessionStorage.setItem(KEY_STORAGE, key);
      showLinks(result, room);
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      submit.disabled = false;
    }
  }

  app.replaceChildren(
    h(
      "main",
      { class: "landing" },
      h("h1", {}, "Coderoom"),
      h("p", { class: "tagline" }, "Live collaborative coding interviews, self-hosted."),
      h("section", {}, h("h2", {}, "New interview"), form),
      result,
      h("section", { class: "status", "aria-live": "polite" }, h("h2", {}, "Server"), checks),
    ),
  );

  const renderHint = () => {
    const chosen = problemList.find((p) => p.id === problem.value);
    const languageName = languageList.find((l) => l.id === language.value)?.displayName ?? language.value;
    startHint.textContent = chosen
      ? `The code starts as ${chosen.title}'s ${languageName} starter; Submit runs its tests.`
      : languageList.some((l) => l.id === language.value && l.template)
        ? `The code starts as a ${languageName} template that reads input and prints.`
        : "";
  };
  language.addEventListener("change", renderHint);
  problem.addEventListener("change", renderHint);

  languages()
    .then((list) => {
      if (list.length === 0) return;
      languageList = list;
      language.replaceChildren(...list.map((l) => h("option", { value: l.id }, `${l.displayName} (${l.version})`)));
      renderHint();
    })
    .catch(() => undefined);
  problems().then((list) => {
    if (list.length === 0) return;
    problemList = list;
    problem.append(...list.map((p) => h("option", { value: p.id }, p.title)));
    problem.classList.remove("hidden");
    problemLabel.classList.remove("hidden");
    renderHint();
  });
  fetchReadiness()
    .then((list) =>
      checks.replaceChildren(
        ...list.map((c) => h("li", { class: c.ok ? "ok" : "bad" }, c.ok ? c.name : `${c.name}: ${c.detail ?? "unreachable"}`)),
      ),
    )
    .catch(() => checks.replaceChildren(h("li", { class: "bad" }, "server: not answering")));
}

function showLinks(section: HTMLElement, room: CreatedRoom): void {
  const rows = ["interviewer", "candidate", "observer"]
    .filter((role) => room.links[role])
    .map((role) => {
      const link = room.links[role];
      const field = h("input", { type: "text", readonly: true, class: "link-url", "data-role": role });
      field.value = link.url;
      const copy = h("button", { type: "button", class: "copy", "data-role": role }, "Copy");
      copy.addEventListener("click", () => {
        copyText(link.url).then(
          () => (copy.textContent = "Copied"),
          () => (copy.textContent = "Select and copy"),
        );
        setTimeout(() => (copy.textContent = "Copy"), 2000);
      });
      return h(
        "div",
        { class: "link-row" },
        h("span", { class: "role-badge role-" + role }, ROLE_LABELS[role] ?? role),
        field,
        copy,
        h("span", { class: "muted" }, "until " + new Date(link.expiresAt).toLocaleString()),
      );
    });
  section.replaceChildren(
    h("h2", {}, `Room “${room.title}”`),
    h("p", { class: "muted" }, "Links are shown once: copy them now. Anyone with a link joins with its role."),
    ...rows,
    h("p", {}, h("a", { class: "primary open-room", href: room.links.interviewer.url }, "Open the room as interviewer")),
  );
}
