/**
 * The entry-point guard's rules (docs/SECURITY.md, "Every entry point checks its caller").
 *
 * The status page is a web app deployed "execute as me, anyone": its `google.script.run` can call
 * every top-level function of the project whose name does not end in "_", with the service
 * account's authority and with arguments the caller chooses. Those arguments are copies of plain
 * data only (Google refuses a Function, a Date or a DOM element other than a form as a parameter),
 * so they can never hold an object with methods. A privileged entry point therefore runs only for:
 *
 * 1. a runtime event: the trigger's event holds a Range, Spreadsheet, Form or FormResponse, objects
 *    with methods that google.script.run cannot send (no service call to tell);
 * 2. a trigger of this project: the event's `triggerUid` is one of the project's triggers for this
 *    very function (one call: the project's triggers), for the time-driven sweep whose event holds
 *    no object;
 * 3. a caller with their own authority: the active user is known and is the effective user (the
 *    script editor, the Apps Script API's scripts.run). A web-app visitor never is: an anonymous one
 *    has no address, a signed-in one is not the deploying service account. Such a caller gets only
 *    their own rights; whether they are the recorded installer is setup's and the sweep's own check.
 *
 * And in every case the code must run with the recorded installer's rights (the effective user is
 * the service account that setup recorded). Officials must be able to view the project, or its
 * triggers would not fire for their edits, and a viewer can add a version of the project as a
 * library: its functions then run with the viewer's rights and the project's own Script Properties,
 * and the viewer can hand them real objects (rule 1 would pass). The effective user tells that
 * apart. `setup` and `sweep` say why themselves (their own, more specific refusal) and are exempt
 * here; before the first setup nothing is recorded and nothing is checked.
 *
 * Everything else is refused before anything is read or changed. Nothing here knows Google.
 */

/** The only top-level functions that serve a web-app caller. */
export const PUBLIC_ENTRY_POINTS: readonly string[] = ["doGet", "lookupStatus", "fileComplaint"];

/** Whether a top-level function may serve any caller (the status page's own three). */
export function isPublicEntryPoint(name: string): boolean {
  return PUBLIC_ENTRY_POINTS.includes(name);
}

/** The fields of a trigger event that hold runtime objects, each with a method it always has. */
const RUNTIME_OBJECTS: readonly [field: string, method: string][] = [
  ["range", "getA1Notation"], // Sheets edit and form submit: the edited cells or the response row
  ["source", "getId"], // Sheets events: the Spreadsheet; form events: the Form
  ["response", "getItemResponses"], // form events: the FormResponse
];

/** What an entry point's argument shows about where the call comes from. */
export type EventEvidence = { kind: "runtime" } | { kind: "trigger"; uid: string } | { kind: "none" };

/**
 * Reads the argument without calling anything: a runtime object with methods, else a trigger id to
 * check, else nothing. A forged event ("range" as data, a guessed "triggerUid") is at most "trigger".
 */
export function eventEvidence(arg: unknown): EventEvidence {
  if (arg === null || typeof arg !== "object") return { kind: "none" };
  const e = arg as Record<string, unknown>;
  for (const [field, method] of RUNTIME_OBJECTS) {
    const v = e[field];
    if (v !== null && typeof v === "object" && typeof (v as Record<string, unknown>)[method] === "function")
      return { kind: "runtime" };
  }
  const uid = e["triggerUid"];
  if ((typeof uid === "string" && uid !== "") || typeof uid === "number")
    return { kind: "trigger", uid: String(uid) };
  return { kind: "none" };
}

/** A trigger of the project as its owner lists it. */
export interface TriggerFacts {
  uid: string;
  handler: string;
}

/** Whether `uid` is one of the project's triggers and runs this very entry point. */
export function isOwnTrigger(uid: string, entry: string, triggers: readonly TriggerFacts[]): boolean {
  return triggers.some((t) => t.uid === uid && t.handler === entry);
}

/** Who calls, as Session tells: the visible active user ("" when hidden) and the effective user. */
export interface CallerFacts {
  active: string;
  effective: string;
}

/** A caller acting with their own authority (never a web-app visitor using the deployer's). */
export function ownAuthority(c: CallerFacts): boolean {
  const active = c.active.trim().toLowerCase();
  return active !== "" && active === c.effective.trim().toLowerCase();
}

/** The entry points that check the installer themselves, with a refusal of their own. */
const CHECK_INSTALLER_THEMSELVES: readonly string[] = ["setup", "sweep"];

/** Whether the entry point checks the installer itself (the guard then need not read it). */
export function checksInstallerItself(entry: string): boolean {
  return CHECK_INSTALLER_THEMSELVES.includes(entry);
}

/**
 * Whether the code runs with someone else's rights than the recorded installer's (a library use by a
 * viewer, a second account's own trigger); never for setup and sweep, nor before the first setup.
 */
export function foreignAuthority(entry: string, effective: string, installer: string): boolean {
  if (checksInstallerItself(entry)) return false;
  const recorded = installer.trim().toLowerCase();
  return recorded !== "" && effective.trim().toLowerCase() !== recorded;
}

/**
 * Refusals written to the error log per hour; the rest are only counted (an anonymous flood must
 * not grow the log without bound). The first record of an hour names the previous hour's count.
 */
export const REFUSALS_RECORDED_PER_HOUR = 10;

/** What to do with the refusal that is number `seen + 1` of its hour. */
export function refusalRecord(seen: number): "record" | "record_last" | "count" {
  if (seen < REFUSALS_RECORDED_PER_HOUR - 1) return "record";
  return seen === REFUSALS_RECORDED_PER_HOUR - 1 ? "record_last" : "count";
}

/** The hour a refusal is counted in (whole hours since the epoch). */
export function refusalHour(nowMs: number): number {
  return Math.floor(nowMs / 3_600_000);
}
