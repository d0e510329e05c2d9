import { defineConfig } from "vite";
import { pageBudget } from "./scripts/page-budget.mjs";

// The server serves dist/: hashed files under assets/ are cached forever, index.html never.
export default defineConfig({
  // JSX is Preact's, compiled by esbuild: nothing at run time evaluates strings (the CSP forbids it).
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  plugins: [pageBudget({ room: { module: "src/room/RoomPage.tsx", limitKb: 400 }, landing: { module: "src/landing/Landing.tsx", limitKb: 50 }, signin: { module: "src/account/SignIn.tsx", limitKb: 50 }, "one-time link": { module: "src/account/ClaimLink.tsx", limitKb: 50 }, settings: { module: "src/settings/SettingsPage.tsx", limitKb: 50 }, dashboard: { module: "src/dashboard/DashboardPage.tsx", limitKb: 60 }, report: { module: "src/report/ReportPage.tsx", limitKb: 50 }, playback: { module: "src/playback/PlaybackPage.tsx", limitKb: 90 }, library: { module: "src/library/LibraryPage.tsx", limitKb: 50 }, authoring: { module: "src/authoring/AuthoringPage.tsx", limitKb: 60 } })],
  build: {
    outDir: "dist",
    assetsDir: "assets",
    // No inline scripts or styles: the server's Content-Security-Policy forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    // The budget that matters is per page, gzipped (pageBudget); print-bundle-sizes.mjs lists every file.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      output: {
        // Name the lazily loaded chunks after the package they load, so the printed sizes read clearly.
        chunkFileNames(chunk) {
          const pkg = /node_modules\/(@[^/]+\/[^/]+|[^@/][^/]*)\//.exec(chunk.facadeModuleId ?? "");
          const name = pkg ? pkg[1].replace(/^@codemirror\/|^@replit\/codemirror-/, "").replace(/[@/]/g, "-") : "[name]";
          return `assets/${name}-[hash].js`;
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:8080",
      "/ws": { target: "ws://127.0.0.1:8080", ws: true },
      "/healthz": "http://127.0.0.1:8080",
      "/readyz": "http://127.0.0.1:8080",
    },
  },
});
