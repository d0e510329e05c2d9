// Turns a one-chunk build into one self-contained HTML file: the script and the styles inline, a
// Content-Security-Policy (as a meta element) that allows exactly those two by their hashes and no
// network at all, and two empty JSON data slots the server fills (the timeline and the report; see
// server/.../playback/ExportPage.java, which names the same slots). Nothing else is written.
import { createHash } from "node:crypto";

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** @param {{ fileName: string, title: string }} options */
export function singleFile({ fileName, title }) {
  return {
    name: "coderoom-single-file",
    apply: "build",
    enforce: "post",
    /** @param {unknown} _options @param {Record<string, any>} bundle */
    generateBundle(_options, bundle) {
      const files = Object.values(bundle);
      const chunks = files.filter((f) => f.type === "chunk");
      if (chunks.length !== 1) this.error(`expected one chunk, got ${chunks.map((c) => c.fileName).join(", ")}`);
      const script = chunks[0].code;
      const style = files
        .filter((f) => f.type === "asset" && f.fileName.endsWith(".css"))
        .map((f) => String(f.source))
        .join("\n");
      // Inside a script or style element these would end it, or change how it is read.
      for (const [what, text] of [["script", script], ["style", style]]) {
        if (/<\/(script|style)|<!--/i.test(text)) this.error(`the ${what} holds text that would end its element early`);
      }
      const policy = [
        "default-src 'none'",
        `script-src ${sha256(script)}`,
        `style-src ${sha256(style)}`,
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
      ].join("; ");
      const html = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${title}</title>`,
        `<style>${style}</style>`,
        "</head>",
        "<body>",
        '<div id="app"></div>',
        '<script type="application/json" id="coderoom-timeline">null</script>',
        '<script type="application/json" id="coderoom-report">null</script>',
        `<script>${script}</script>`,
        "</body>",
        "</html>",
        "",
      ].join("\n");
      for (const name of Object.keys(bundle)) delete bundle[name];
      this.emitFile({ type: "asset", fileName, source: html });
    },
  };
}
