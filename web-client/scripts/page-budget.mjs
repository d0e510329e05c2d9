// Fails the build when a page's JavaScript grows past its budget: the entry chunk, the page's
// chunk, and everything they import statically (what a browser loads before the page works;
// lazily loaded parts such as language modes and Vim are not counted).
import { gzipSync } from "node:zlib";

/** @param {Record<string, { module: string, limitKb: number }>} pages */
export function pageBudget(pages) {
  return {
    name: "coderoom-page-budget",
    apply: "build",
    /** @param {unknown} _options @param {Record<string, any>} bundle */
    generateBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).filter((f) => f.type === "chunk").map((c) => [c.fileName, c]));
      const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
      for (const [name, { module, limitKb }] of Object.entries(pages)) {
        const page = [...chunks.values()].find((chunk) => chunk.moduleIds.some((id) => id.endsWith("/" + module)));
        if (!entry || !page) this.error(`page ${name}: no chunk holds ${module}`);
        const files = new Set();
        const visit = (fileName) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          chunks.get(fileName)?.imports.forEach(visit);
        };
        visit(entry.fileName);
        visit(page.fileName);
        const gzipKb = [...files].reduce((sum, f) => sum + gzipSync(chunks.get(f).code).length, 0) / 1024;
        const line = `${name} page JavaScript: ${gzipKb.toFixed(1)} KB gzipped (budget ${limitKb} KB)`;
        if (gzipKb > limitKb) this.error(line);
        console.log(line);
      }
    },
  };
}
