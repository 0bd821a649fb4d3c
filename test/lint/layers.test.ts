/**
 * The layers are enforced by ESLint, not only described: each import rule of eslint.config.js
 * fails on a deliberate violation and passes on the allowed direction. The texts are linted as if
 * they were files at the given paths (nothing is written).
 */
import { ESLint } from "eslint";
import { describe, expect, test } from "vitest";

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals")
    .map((m) => m.message);
}

const use = (from: string): string => `import { x } from "${from}";\nexport const y = x;\n`;

describe("import direction: main → handlers → workspace → domain", () => {
  test.each([
    ["src/domain/probe.ts", "../workspace/log.js"],
    ["src/domain/probe.ts", "../handlers/intake.js"],
    ["src/domain/probe.ts", "../main.js"],
    ["src/domain/text/probe.ts", "../../workspace/mail.js"],
    ["src/workspace/probe.ts", "../handlers/provision.js"],
    ["src/workspace/probe.ts", "../main.js"],
    ["src/handlers/probe.ts", "../main.js"],
    ["src/handlers/probe.ts", "./intake.js"],
    ["src/handlers/probe.ts", "../handlers/setup.js"],
    ["src/flows/probe.ts", "../handlers/setup.js"],
    ["src/flows/setup/probe.ts", "../../handlers/sweep.js"],
    ["src/flows/probe.ts", "../main.js"],
    ["src/main.ts", "./workspace/sweepstate.js"],
    ["src/main.ts", "./flows/admin.js"],
    ["src/main.ts", "./domain/workflow.js"],
  ])("%s may not import %s", async (file, from) => {
    const messages = await restrictedImports(file, use(from));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/layers point|entry points|another handler|use case a door calls/);
  });

  test.each([
    ["src/domain/probe.ts", "./workflow.js"],
    ["src/workspace/probe.ts", "../domain/workflow.js"],
    ["src/handlers/probe.ts", "../workspace/log.js"],
    ["src/handlers/probe.ts", "../domain/workflow.js"],
    ["src/handlers/probe.ts", "../flows/admin.js"],
    ["src/flows/probe.ts", "./provision.js"],
    ["src/flows/probe.ts", "../workspace/log.js"],
    ["src/flows/probe.ts", "../domain/workflow.js"],
    ["src/flows/setup/probe.ts", "../sweep.js"],
    ["src/main.ts", "./handlers/intake.js"],
  ])("%s may import %s", async (file, from) => {
    expect(await restrictedImports(file, use(from))).toEqual([]);
  });

  test("the domain touches no Apps Script service", async () => {
    const messages = await restrictedImports("src/domain/probe.ts", "export const y = SpreadsheetApp;\n");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/src\/domain is pure/);
  });

  test.each(["src/handlers/probe.ts", "src/flows/probe.ts", "src/flows/setup/probe.ts", "src/main.ts"])(
    "%s touches no Apps Script service",
    async (file) => {
      for (const global of ["SpreadsheetApp", "PropertiesService", "FormApp", "Session", "HtmlService"]) {
        const messages = await restrictedImports(file, `export const y = ${global};\n`);
        expect(messages).toHaveLength(1);
        expect(messages[0]).toMatch(/touches no Apps Script service/);
      }
    },
  );

  test.each(["src/handlers/probe.ts", "src/flows/probe.ts", "src/main.ts", "src/workspace/probe.ts"])(
    "%s may log to the console; only src/workspace may touch a service",
    async (file) => {
      expect(await restrictedImports(file, "console.info(1);\nexport const y = 1;\n")).toEqual([]);
      if (file.startsWith("src/workspace/"))
        expect(await restrictedImports(file, "export const y = SpreadsheetApp;\n")).toEqual([]);
    },
  );
});
