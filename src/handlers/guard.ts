/**
 * The entry-point guard (docs/SECURITY.md, "Every entry point checks its caller"): the first line
 * of every privileged top-level function in src/main.ts. It lets a call through when the argument
 * is a runtime trigger event, when its triggerUid is one of this project's triggers for the same
 * function, or when the caller acts with their own authority (rules in domain/guard.ts); anything
 * else (a status page visitor's google.script.run, anonymous or signed in) is refused with a clear
 * message before anything is read or changed, and recorded in the error log, at most
 * REFUSALS_RECORDED_PER_HOUR times an hour (the rest are counted).
 *
 * Then, but for setup and sweep (their own check), the effective user must be the recorded installer
 * (a viewer's library use of the project runs with the viewer's rights and can pass real objects).
 *
 * Cost on the normal paths: an edit or a form submission, 2 calls (the effective user, asked once
 * per execution anyway, and the recorded installer); the time-driven sweep, 1 call (the project's
 * triggers); a run from the editor or scripts.run, 2 or 3 calls.
 */
import {
  checksInstallerItself,
  eventEvidence,
  foreignAuthority,
  isOwnTrigger,
  ownAuthority,
  refusalHour,
  refusalRecord,
  type CallerFacts,
} from "../domain/guard.js";
import type { Language } from "../domain/config.js";
import { t } from "../domain/text/index.js";
import { recordedInstaller, recordedRegisterId, registerSpreadsheet } from "../workspace/context.js";
import { effectiveAccount } from "../workspace/trust.js";
import { logError } from "../workspace/errors.js";
import { callerFacts, countRefusal, projectTriggers } from "../workspace/guard.js";
import { configuredLanguage, loadConfig } from "../workspace/settings.js";
import { markWork } from "../workspace/sweepstate.js";

/** Thrown to a refused caller: the message says what was refused and that nothing changed. */
export class RefusedCaller extends Error {
  override name = "RefusedCaller";
}

/** Lets the call through or throws RefusedCaller (after recording it). */
export function guardEntry(entry: string, arg: unknown): void {
  const evidence = eventEvidence(arg);
  const passed =
    evidence.kind === "runtime" ||
    (evidence.kind === "trigger" && isOwnTrigger(evidence.uid, entry, projectTriggers())) ||
    ownAuthority(callerFacts());
  if (!passed) refuse(entry, callerFacts(), "guard.refused");
  if (checksInstallerItself(entry)) return;
  const installer = recordedInstaller();
  if (foreignAuthority(entry, effectiveAccount(), installer))
    refuse(entry, callerFacts(), "guard.foreign_authority", installer);
}

/**
 * An entry point that may leave work for the sweep (a form response, an edit, a worker): guarded
 * as above, then the sweep's work mark is set (domain/sweepplan.ts).
 */
export function admitWork(entry: string, arg: unknown): void {
  guardEntry(entry, arg);
  markWork();
}

function refuse(
  entry: string,
  caller: CallerFacts,
  reason: "guard.refused" | "guard.foreign_authority",
  installer = "",
): never {
  const { seen, previous } = countRefusal(refusalHour(Date.now()));
  const plan = refusalRecord(seen);
  let lang: Language = configuredLanguage();
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  try {
    if (recordedRegisterId()) {
      ss = registerSpreadsheet();
      lang = loadConfig(ss).config.language;
    }
  } catch (e) {
    console.error(`guard: the register could not be opened: ${String(e)}`);
  }
  if (plan !== "count" && ss) {
    const who = caller.active || t(lang, "guard.anonymous");
    const lines = [
      t(lang, reason === "guard.refused" ? "guard.record" : "guard.record_foreign", {
        entry,
        who,
        effective: caller.effective || "?",
        installer,
      }),
    ];
    if (seen === 0 && previous > 0) lines.push(t(lang, "guard.previous_hour", { count: previous }));
    if (plan === "record_last") lines.push(t(lang, "guard.record_limit"));
    logError(ss, entry, "", lines.join(" "), { leavesWork: false });
  } else console.warn(`guard: ${entry} refused (${caller.active || "anonymous"}), counted`);
  throw new RefusedCaller(t(lang, reason, { entry, effective: caller.effective || "?", installer }));
}
