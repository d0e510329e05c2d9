import { defineConfig } from "vitest/config";

// The client's unit tests: its logic in a DOM (happy-dom), without a browser or a server. The
// browser tests are e2e/ (run by the server's BrowserIT).
export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    environment: "happy-dom",
    environmentOptions: { happyDOM: { url: "http://127.0.0.1/" } },
    restoreMocks: true,
    unstubGlobals: true,
    reporters: ["default", ["junit", { outputFile: "target/surefire-reports/TEST-web-client.xml", suiteName: "web-client" }]],
    coverage: {
      provider: "v8",
      include: ["src/**/*.{ts,tsx}"],
      reporter: ["text", "json-summary"],
      reportsDirectory: "target/coverage",
    },
  },
});
