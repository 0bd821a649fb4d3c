/**
 * The built bundle (dist/Code.js) as the emulator loads it: every generated entry point is a
 * top-level function, loading makes no call, onOpen/onEdit are simple triggers.
 */
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "gas-emulator";
import { DEFAULT_BUNDLE, surelEmulator } from "../kit/emulator.js";

describe("dist/Code.js", () => {
  let emu: Emulator;
  beforeAll(async () => {
    if (!existsSync(DEFAULT_BUNDLE)) {
      const { buildBundle } = await import("../../scripts/build.js");
      await buildBundle();
    }
    emu = surelEmulator();
  });
  afterAll(() => emu?.close());

  it("declares every generated entry point as a callable top-level function", () => {
    const code = readFileSync(DEFAULT_BUNDLE, "utf8");
    const stubs = [
      ...code.matchAll(/^function (\w+)\(\) \{\n {2}return __surel\.\1\.apply\(this, arguments\);\n\}/gm),
    ].map((m) => m[1]!);
    expect(stubs.length).toBeGreaterThan(0);
    for (const name of stubs) expect(emu.entryPoints).toContain(name);
  });

  it("loads with every service present without making a single call", async () => {
    const r = await emu.probeLoad();
    expect(r.ok).toBe(true);
    expect(r.callCount).toBe(0);
    expect(r.logs).toEqual([]);
  });

  it("registers onOpen/onEdit as simple triggers", () => {
    for (const name of ["onOpen", "onEdit"]) {
      expect(emu.ws.simpleTriggers.has(name)).toBe(emu.entryPoints.includes(name));
    }
  });
});
