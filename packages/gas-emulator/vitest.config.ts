import { defineConfig } from "vitest/config";

// The package's own tests on their own (`vitest run --root packages/gas-emulator`). No process zone
// is set here: they pass whatever `TZ` is. A file whose Emulator sets the script's zone gives the
// process its zone back afterwards (test/helpers.ts `restoreProcessZoneAfterAll`), so the files
// can share one process as they do under the repository's configuration.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    isolate: false,
  },
});
