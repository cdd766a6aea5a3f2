import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vitest/config";

// Like Remix's server build: `*.client` modules (Leaflet, browser-only) are empty on the server.
const emptyClientModules: Plugin = {
  name: "empty-client-modules",
  enforce: "pre",
  resolveId(id) {
    return /\.client(\.tsx?)?$/.test(id) ? "\0empty-client-module" : null;
  },
  load(id) {
    return id === "\0empty-client-module" ? "export default undefined;" : null;
  },
};

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  plugins: [emptyClientModules],
  resolve: { alias: { "~": fileURLToPath(new URL("../app", import.meta.url)) } },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/routes/**/*.test.{ts,tsx}"],
    environment: "node",
    pool: "forks",
    setupFiles: ["tests/setup.ts"],
    testTimeout: 20_000,
  },
});
