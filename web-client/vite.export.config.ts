import { defineConfig } from "vite";
import { singleFile } from "./scripts/single-file.mjs";

// The offline viewer: one HTML file (dist/export/playback.html) with its script and styles inline,
// which the server fills with a room's timeline and report for GET /api/rooms/{id}/export. Built
// after the app (it writes into the app's dist/ without emptying it).
export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  plugins: [singleFile({ fileName: "export/playback.html", title: "Coderoom playback" })],
  publicDir: false,
  build: {
    outDir: "dist",
    emptyOutDir: false,
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    modulePreload: false,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      input: "src/playback/export/main.tsx",
      output: { format: "iife", inlineDynamicImports: true },
    },
  },
});
