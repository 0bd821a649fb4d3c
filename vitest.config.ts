import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // One test process per core (vitest's default leaves one core idle): the emulator runs an
    // execution of each batch in the test's own thread, so a process mostly keeps one core busy.
    maxWorkers: Math.max(2, availableParallelism()),
    // The files of a process share its modules: the harness's setup snapshots, the compiled bundle
    // and the emulator's runtime are made once per process instead of once per file.
    isolate: false,
    // The script's zone (the emulator sets it when it starts): every file sees the same zone
    // whichever file ran before it in the same process.
    env: { TZ: "Asia/Jakarta" },
  },
});
