/**
 * The doctor's command line (scripts/doctor/main.ts runs it for `npm run doctor`): checks the live
 * domain, read-only, and prints the checklist (Indonesian by default; the settings' "bahasa", or
 * --lang). Exit code 0 when nothing
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

/** The command with its arguments and where it prints; returns the exit code. */
export async function cli(
  args: string[],
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const has = (name: string): boolean => args.includes(name);
  try {
    return await run(flag, has, out, err);
  } catch (e) {
    err(e instanceof Error ? e.message : String(e));
    return 2;
  }
}

type Flag = (name: string) => string | undefined;

/**
 * `--root-url URL`: where the APIs and the token endpoint are, for the tests' loopback stand-in.
 * Only a loopback address is accepted, so that a token is never sent anywhere else but Google.
 */
function rootUrl(flag: Flag): string | undefined {
  const url = flag("--root-url");
  if (url === undefined) return undefined;
  const host = (() => {
    try {
      return new URL(url).hostname;
    } catch {
      return "";
    }
  })();
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "[::1]") throw new Error(`--root-url ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

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

async function run(
  flag: Flag,
  has: (name: string) => boolean,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const langFlag = flag("--lang");
  if (langFlag !== undefined && langFlag !== "id" && langFlag !== "en") {
    err(dt("id", "doctor.cli.bad_lang", { value: langFlag }));
    return 2;
  }
  const lang: Language = (langFlag as Language | undefined) ?? "id";
  if (has("--print-scopes")) {
    out(DOCTOR_SCOPES.join(","));
    return 0;
  }
  if (has("--help") || has("-h")) {
    out(dt(lang, "doctor.cli.usage"));
    return 0;
  }
  const registerId = flag("--register");
  if (!registerId) {
    err(dt(lang, "doctor.cli.no_register"));
    err(dt(lang, "doctor.cli.usage"));
    return 2;
  }

  const root = rootUrl(flag);
  let auth: Auth;
  try {
    const key = flag("--key");
    auth = key
      ? loadKeyFileAuth(key, flag("--subject"), DOCTOR_SCOPES)
      : loadClaspAuth(
          flag("--clasprc") ?? defaultClaspRcPath(),
          flag("--user") ?? "default",
          root ? `${root}token` : undefined,
        );
    await auth.getAccessToken();
  } catch (e) {
    if (e instanceof AuthError) err(dt(lang, e.key, e.params));
    else err(dt(lang, "doctor.auth.failed", { detail: failureOf(e).message }));
    return 2;
  }

  const report = await runDoctor({
    auth,
    ...(root ? { rootUrl: root } : {}),
    registerId,
    scriptId: flag("--script") ?? claspScriptId(),
    formId: flag("--form"),
    templateId: flag("--template"),
    archiveFolderId: flag("--archive"),
    serviceAccount: flag("--service-account"),
    language: langFlag as Language | undefined,
  });
  if (has("--json")) out(JSON.stringify(report, null, 2));
  else out(formatReport(report));
  return exitCode(report);
}
