/**
 * `npm run doctor -- --register SPREADSHEET_ID`: checks the live domain, read-only, and prints the
 * checklist (Indonesian by default; the settings' "bahasa", or --lang). Exit code 0 when nothing
 * failed, 1 when a check failed, 2 when the doctor could not run (no credentials, bad arguments).
 * How to sign in: README, "Checking a live domain: npm run doctor".
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Language } from "../../src/domain/config.js";
import { AuthError, defaultClaspRcPath, loadClaspAuth, loadKeyFileAuth } from "./auth.js";
import { runDoctor } from "./checks.js";
import { DOCTOR_SCOPES, failureOf, type Auth } from "./google.js";
import { exitCode, formatReport } from "./report.js";
import { dt } from "./text.js";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const has = (name: string): boolean => args.includes(name);

/** The script id clasp deploys to (.clasp.json), unless it is still the placeholder. */
function claspScriptId(): string | undefined {
  const path = resolve(".clasp.json");
  if (!existsSync(path)) return undefined;
  try {
    const id = (JSON.parse(readFileSync(path, "utf8")) as { scriptId?: string }).scriptId ?? "";
    return /^[A-Za-z0-9_-]{20,}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const langFlag = flag("--lang");
  if (langFlag !== undefined && langFlag !== "id" && langFlag !== "en") {
    console.error(dt("id", "doctor.cli.bad_lang", { value: langFlag }));
    return 2;
  }
  const lang: Language = (langFlag as Language | undefined) ?? "id";
  if (has("--print-scopes")) {
    console.log(DOCTOR_SCOPES.join(","));
    return 0;
  }
  if (has("--help") || has("-h")) {
    console.log(dt(lang, "doctor.cli.usage"));
    return 0;
  }
  const registerId = flag("--register");
  if (!registerId) {
    console.error(dt(lang, "doctor.cli.no_register"));
    console.error(dt(lang, "doctor.cli.usage"));
    return 2;
  }

  let auth: Auth;
  try {
    const key = flag("--key");
    auth = key
      ? loadKeyFileAuth(key, flag("--subject"), DOCTOR_SCOPES)
      : loadClaspAuth(flag("--clasprc") ?? defaultClaspRcPath(), flag("--user") ?? "default");
    await auth.getAccessToken();
  } catch (e) {
    if (e instanceof AuthError) console.error(dt(lang, e.key, e.params));
    else console.error(dt(lang, "doctor.auth.failed", { detail: failureOf(e).message }));
    return 2;
  }

  const report = await runDoctor({
    auth,
    registerId,
    scriptId: flag("--script") ?? claspScriptId(),
    formId: flag("--form"),
    templateId: flag("--template"),
    archiveFolderId: flag("--archive"),
    serviceAccount: flag("--service-account"),
    language: langFlag as Language | undefined,
  });
  if (has("--json")) console.log(JSON.stringify(report, null, 2));
  else console.log(formatReport(report));
  return exitCode(report);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
  },
);
