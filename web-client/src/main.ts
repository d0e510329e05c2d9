import "./style.css";
import { fetchReadiness, type Check } from "./status";

function render(list: HTMLElement, checks: Check[]): void {
  list.replaceChildren(
    ...checks.map((check) => {
      const item = document.createElement("li");
      item.className = check.ok ? "ok" : "bad";
      item.textContent = check.ok ? check.name : `${check.name}: ${check.detail ?? "unreachable"}`;
      return item;
    }),
  );
}

const list = document.getElementById("checks")!;
fetchReadiness()
  .then((checks) => render(list, checks))
  .catch(() => render(list, [{ name: "server", ok: false, detail: "not answering" }]));
