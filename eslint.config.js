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
    // The domain core is pure: it must not touch any Apps Script service.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...appsScriptGlobals.map((name) => ({
          name,
          message: "src/domain is pure: pass data in from src/workspace instead.",
        })),
      ],
    },
  },
);
