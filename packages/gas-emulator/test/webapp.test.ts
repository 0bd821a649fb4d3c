/**
 * google.script.run's copy of the arguments (test/emulator/webapp.ts): what the server function
 * receives, and what makes the request fail.
 */
import { describe, expect, it } from "vitest";
import { cloneScriptRunArgs, IllegalScriptRunValue } from "../src/webapp.js";

describe("cloneScriptRunArgs", () => {
  it("copies primitives, arrays and plain objects; undefined in an array becomes null", () => {
    const obj = { a: 1, b: [true, "x", null, undefined], c: { d: undefined, e: "f" } };
    const [copy] = cloneScriptRunArgs([obj]);
    expect(copy).toEqual({ a: 1, b: [true, "x", null, null], c: { e: "f" } });
    expect(copy).not.toBe(obj);
    expect(cloneScriptRunArgs([undefined, NaN, Infinity])).toEqual([null, null, null]);
  });

  it("refuses a Date, a function, a class instance or a circular object, naming the property", () => {
    const cases: [unknown[], string][] = [
      [[new Date()], "0"],
      [[{ when: new Date() }], "when"],
      [[1, { f: () => 1 }], "f"],
      [[{ list: [1, new Map()] }], "1"],
      [[Symbol("s")], "0"],
    ];
    for (const [args, property] of cases) {
      let caught: unknown;
      try {
        cloneScriptRunArgs(args);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(IllegalScriptRunValue);
      expect((caught as Error).message).toBe(`Failed due to illegal value in property: ${property}`);
    }
    const loop: Record<string, unknown> = {};
    loop["me"] = loop;
    expect(() => cloneScriptRunArgs([loop])).toThrow("Failed due to illegal value in property: me");
    // A shared (not circular) object is fine.
    const shared = { x: 1 };
    expect(cloneScriptRunArgs([{ a: shared, b: shared }])).toEqual([{ a: { x: 1 }, b: { x: 1 } }]);
  });
});
