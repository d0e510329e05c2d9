import { afterEach, beforeEach, expect, test } from "vitest";
import { chooseTheme, followTheme, theme } from "../src/app/theme";

// The system's setting is happy-dom's device setting; a media query list hears it change on resize.
const system = (scheme: "light" | "dark") => {
  window.happyDOM.settings.device.prefersColorScheme = scheme;
  window.dispatchEvent(new Event("resize"));
};
const shown = () => ({ light: document.body.classList.contains("light"), theme: document.documentElement.dataset.theme, dark: theme.value.dark });

beforeEach(() => {
  localStorage.clear();
  document.body.classList.remove("light");
  delete document.documentElement.dataset.theme;
  window.happyDOM.settings.device.prefersColorScheme = "dark";
});
afterEach(() => chooseTheme("system"));

test("follows the system's setting, also when it changes", () => {
  system("light");
  followTheme();
  expect(theme.value.choice).toBe("system");
  expect(shown()).toEqual({ light: true, theme: "light", dark: false });
  system("dark");
  expect(shown()).toEqual({ light: false, theme: "dark", dark: true });
  system("light");
  expect(shown()).toEqual({ light: true, theme: "light", dark: false });
});

test("a choice wins over the system's setting, is kept for every page, and 'system' follows it again", () => {
  followTheme();
  expect(shown().light).toBe(false);
  chooseTheme("light");
  expect(shown()).toEqual({ light: true, theme: "light", dark: false });
  expect(localStorage.getItem("coderoom.theme")).toBe("light");
  system("dark");
  expect(shown().light).toBe(true);
  chooseTheme("system");
  expect(localStorage.getItem("coderoom.theme")).toBeNull();
  expect(shown()).toEqual({ light: false, theme: "dark", dark: true });
});

test("the next page load reads the kept choice", () => {
  localStorage.setItem("coderoom.theme", "dark");
  system("light");
  followTheme();
  expect(theme.value.choice).toBe("dark");
  expect(shown()).toEqual({ light: false, theme: "dark", dark: true });
});
