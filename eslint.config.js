// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const appsScriptGlobals = [
  "SpreadsheetApp",
  "DriveApp",
  "DocumentApp",
  "MailApp",
  "GmailApp",
  "AdminDirectory",
  "Drive",
  "LockService",
  "PropertiesService",
  "CacheService",
  "ScriptApp",
  "Session",
  "Utilities",
  "FormApp",
  "HtmlService",
  "Logger",
];

export default tseslint.config(
  { ignores: ["dist/**", "out/**", "node_modules/**", "coverage/**", "src/generated/**"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-namespace": "off",
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: "Math.random is not a source of randomness here: use Utilities.getUuid().",
        },
      ],
    },
  },
  {
    // The domain core is pure: it must not touch any Apps Script service, nor import the layers
    // above it (test/lint/layers.test.ts shows each rule failing on a deliberate violation).
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/workspace/**", "**/handlers/**", "**/flows/**", "**/main", "**/main.js"],
              message:
                "src/domain imports nothing but src/domain: the layers point main → handlers → workspace → domain.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...appsScriptGlobals.map((name) => ({
          name,
          message: "src/domain is pure: pass data in from src/workspace instead.",
        })),
      ],
    },
  },
  {
    // Adapters over Apps Script serve the handlers; they never call back up.
    files: ["src/workspace/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/handlers/**", "**/flows/**", "**/main", "**/main.js"],
              message:
                "src/workspace imports only src/workspace and src/domain: the layers point main → handlers → workspace → domain.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/handlers/**/*.ts", "src/flows/**/*.ts", "src/generated/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/main", "**/main.js"],
              message: "Only the entry points import src/main.ts's layer below, never the reverse.",
            },
          ],
        },
      ],
    },
  },
  {
    // The emulator is a package (packages/gas-emulator): the product's tests and scripts reach it
    // only through its entry points, "gas-emulator" and "gas-emulator/testkit" (test/lint/emulator.test.ts).
    files: ["test/**/*.ts", "scripts/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/packages/**", "**/gas-emulator/src/**", "gas-emulator/*", "!gas-emulator/testkit"],
              message:
                'The emulator is imported only through its entry points: "gas-emulator" or "gas-emulator/testkit".',
            },
          ],
        },
      ],
    },
  },
);
