/**
 * The emulator is a package: product tests and scripts import it only through its entry points
 * ("gas-emulator", "gas-emulator/testkit"). ESLint refuses a deep import (eslint.config.js); the
 * texts are linted as if they were files at the given paths (nothing is written).
 */
import { ESLint } from "eslint";
import { describe, expect, test } from "vitest";

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const use = (from: string): string => `import { x } from "${from}";\nexport const y = x;\n`;

describe("the emulator only through its entry points", () => {
  test.each([
    ["test/flows/probe.ts", "../../packages/gas-emulator/src/services/sheets/host.js"],
    ["test/flows/probe.ts", "../../packages/gas-emulator/src/index.js"],
    ["test/kit/probe.ts", "../../packages/gas-emulator/test/helpers.js"],
    ["test/flows/probe.ts", "gas-emulator/src/services/drive.js"],
    ["test/flows/probe.ts", "gas-emulator/services/drive.js"],
    ["scripts/probe.ts", "../packages/gas-emulator/src/services/mail.js"],
    ["scripts/doctor/probe.ts", "../../packages/gas-emulator/src/core.js"],
  ])("%s may not import %s", async (file, from) => {
    const messages = await restrictedImports(file, use(from));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/entry points/);
  });

  test.each([
    ["test/flows/probe.ts", "gas-emulator"],
    ["test/flows/probe.ts", "gas-emulator/testkit"],
    ["scripts/probe.ts", "gas-emulator/testkit"],
    ["test/flows/probe.ts", "../kit/emulator.js"],
    ["test/flows/probe.ts", "../../src/workspace/schema.js"],
  ])("%s may import %s", async (file, from) => {
    expect(await restrictedImports(file, use(from))).toEqual([]);
  });
});
