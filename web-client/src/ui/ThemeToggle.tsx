import { useStore } from "../app/store";
import { chooseTheme, theme } from "../app/theme";

/** Switches between light and dark; until it is pressed the page follows the system's setting. */
export function ThemeToggle() {
  const { dark } = useStore(theme);
  const next = dark ? "light" : "dark";
  return (
    <button type="button" id="theme-toggle" class="icon-button" aria-label={`Use the ${next} theme`} title={`Use the ${next} theme`} onClick={() => chooseTheme(next)}>
      <span aria-hidden="true">{dark ? "☀" : "☾"}</span>
      <span class="label">{dark ? " Light" : " Dark"}</span>
    </button>
  );
}
