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
  "Docs",
  "LockService",
  "PropertiesService",
  "CacheService",
  "ScriptApp",
  "Session",
  "Utilities",
  "FormApp",
  "HtmlService",
  "ContentService",
  "Logger",
];

/** Only the entry points sit above the handlers: nothing imports src/main.ts. */
const mainImport = {
  group: ["**/main", "**/main.js"],
  message: "Only the entry points import src/main.ts's layer below, never the reverse.",
};
/** A handler module seen from another handler (a sibling import inside src/handlers). */
const siblingHandlerImport = {
  regex: "^\\./",
  message: "A handler never imports another handler: move the shared use case into src/flows.",
};
/** A handler module seen from outside src/handlers. */
const handlerImport = {
  regex: "(^|/)handlers/",
  message: "Only src/main.ts imports src/handlers: the use case a door calls lives in src/flows.",
};
/** The Apps Script services, off limits above src/workspace. */
const upperGlobals = (/** @type {string} */ where) =>
  appsScriptGlobals.map((name) => ({
    name,
    message: `${where} touches no Apps Script service: use (or add) an adapter in src/workspace.`,
  }));

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
    // A handler is a door: it parses its event and calls flows. It never imports another handler
    // (a sibling `./x` inside src/handlers) nor the entry points.
    files: ["src/handlers/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [mainImport, siblingHandlerImport, handlerImport] }],
      "no-restricted-globals": ["error", ...upperGlobals("src/handlers")],
    },
  },
  {
    // The use cases import domain, workspace and other flows, never a handler (the door above them).
    files: ["src/flows/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [mainImport, handlerImport] }],
      "no-restricted-globals": ["error", ...upperGlobals("src/flows")],
    },
  },
  {
    // The entry points import the handlers and nothing else.
    files: ["src/main.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!\\./handlers/)",
              message: "src/main.ts imports only src/handlers: the layers point main → handlers → flows.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...upperGlobals("src/main.ts")],
    },
  },
  {
    files: ["src/generated/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [mainImport] }] },
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
