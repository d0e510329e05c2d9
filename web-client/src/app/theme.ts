import { Store } from "./store";

/** Light or dark: the system's setting until the person picks one, on every page. */
export type ThemeChoice = "system" | "light" | "dark";

const KEY = "coderoom.theme";
const darkQuery = () => window.matchMedia?.("(prefers-color-scheme: dark)");

export const theme = new Store({ choice: readChoice(), dark: true });

function readChoice(): ThemeChoice {
  const stored = localStorage.getItem(KEY);
  return stored === "light" || stored === "dark" ? stored : "system";
}

function apply(): void {
  const choice = theme.value.choice;
  const dark = choice === "system" ? (darkQuery()?.matches ?? true) : choice === "dark";
  document.documentElement.dataset.theme = dark ? "dark" : "light";
  document.body.classList.toggle("light", !dark);
  if (dark !== theme.value.dark) theme.update({ dark });
}

/** Applies the theme now and whenever the system's setting changes. Call once per page load. */
export function followTheme(): void {
  theme.update({ choice: readChoice() });
  apply();
  darkQuery()?.addEventListener?.("change", apply);
}

/** The person's choice, kept for every page of this browser; "system" forgets it. */
export function chooseTheme(choice: ThemeChoice): void {
  if (choice === "system") localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, choice);
  theme.update({ choice });
  apply();
}
