/**
 * ScriptApp: installable triggers (spreadsheet, form and clock), their records in `ws.triggers`,
 * the 20-triggers-per-user limit, enums, the script id and a fake OAuth token.
 *
 * Clock triggers: the runtime's `advance`/`advanceTo` asks `nextClockDue` when the next one is
 * due and `fireClockTriggers` to queue its execution with the real time-driven event
 * (authMode, day-of-month, day-of-week 1=Mon…7=Sun, hour, minute, month, second, timezone,
 * triggerUid, week-of-year, year). Choices where Apps Script is vague (docs/EMULATOR-runtime.md):
 *  - everyMinutes(n)/everyHours(n): first run n minutes/hours after creation, then every n;
 *  - everyDays(n).atHour(h): once a day in the hour h (script or `inTimezone` zone), at a seeded
 *    random minute of that hour, or within ±15 minutes of nearMinute(m); without atHour, the hour
 *    of creation; everyWeeks(n).onWeekDay(d) likewise on that weekday;
 *  - after(ms)/at(date): one run, never sooner than asked (documented: "the actual duration might
 *    vary, but won't be less than your specified minimum") and, chosen (the less convenient
 *    reading of "might vary"), up to ONE_SHOT_LATENESS_MS later, by a seeded amount; the spent
 *    trigger stays listed (and counts) until deleted;
 *  - the event's fields are given in the trigger's time zone (the docs' example shows "UTC").
 *
 * Its size (near the ~600-line aim): the builders create the Trigger objects and records this
 * module defines, and the clock arithmetic serves only the builders and `fireClockTriggers`.
 */
import { GasObject, serviceError } from "../core.js";
import { registerDumper } from "../dump.js";
import type { TriggerRecord, Workspace } from "../workspace.js";
import { type WallFields, wallFields } from "./wallclock.js";

export const MAX_TRIGGERS_PER_USER = 20;
/**
 * How late a one-shot (`after`/`at`) trigger may fire past its time. Chosen: Google documents only
 * the minimum ("won't be less than your specified minimum") and that time-driven triggers run at
 * most every minute; the emulator fires a one-shot up to a minute late (seeded, uniform), so that
 * a chain of triggers cannot count on running at the moment it asked for.
 */
export const ONE_SHOT_LATENESS_MS = 60_000;
export const TOO_MANY_TRIGGERS =
  "This script has too many triggers. Triggers must be deleted from the script before more can be added.";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Source = "SPREADSHEETS" | "FORMS" | "CLOCK" | "DOCUMENTS";
type EventType = TriggerRecord["eventType"];

interface ClockSpec {
  kind: "minutes" | "hours" | "days" | "weeks" | "once";
  n: number;
  hour: number;
  nearMinute?: number;
  /** 1 = Monday … 7 = Sunday. */
  weekDay?: number;
  timeZone: string;
  /** Start of the hour window of the next run (days/weeks). */
  windowMs?: number;
}

interface ScriptState {
  scriptId: string;
  sources: Map<string, Source>;
  clocks: Map<string, ClockSpec>;
}

function state(ws: Workspace): ScriptState {
  return ws.slot<ScriptState>("script", () => ({
    scriptId: ws.newId(57),
    sources: new Map(),
    clocks: new Map(),
  }));
}

/** The script's id (stable for a workspace). */
export function scriptId(ws: Workspace): string {
  return state(ws).scriptId;
}

const EVENT_TYPES = [
  "CLOCK",
  "ON_OPEN",
  "ON_EDIT",
  "ON_FORM_SUBMIT",
  "ON_CHANGE",
  "ON_EVENT_UPDATED",
] as const;
const TRIGGER_SOURCES = ["SPREADSHEETS", "CLOCK", "FORMS", "DOCUMENTS", "CALENDAR"] as const;
const AUTH_MODES = ["NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL"] as const;
const WEEK_DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;

function enumOf(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, n]));
}

// ------------------------------------------------------------------ time zones

interface ZonedParts extends WallFields {
  /** 1 = Monday … 7 = Sunday. */
  weekDay: number;
}

function zoned(ms: number, timeZone: string): ZonedParts {
  const w = wallFields(ms, timeZone);
  return { ...w, weekDay: new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() || 7 };
}

/** UTC ms of a wall-clock time in a zone. */
function zonedToUtc(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const p = zoned(guess, timeZone);
    const offset =
      Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(guess / 1000) * 1000;
    guess = wall - offset;
  }
  return guess;
}

/** ISO 8601 week number of a calendar date. */
function isoWeek(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - jan1) / DAY + 1) / 7);
}

/** The hour window (start ms) on the first matching day at or after `fromMs`'s day, strictly after `fromMs`. */
function nextWindow(fromMs: number, spec: ClockSpec, stepDays: number): number {
  const p = zoned(fromMs, spec.timeZone);
  for (let i = 0; i < 8 * Math.max(1, stepDays); i++) {
    const date = new Date(Date.UTC(p.year, p.month - 1, p.day + i));
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const wd = date.getUTCDay() || 7;
    if (spec.weekDay !== undefined && wd !== spec.weekDay) continue;
    const start = zonedToUtc(y, m, d, spec.hour, spec.timeZone);
    if (start > fromMs) return start;
  }
  throw new Error("emulator: no next window for a clock trigger");
}

/** Adds whole days to a window start, in wall-clock terms. */
function addDays(windowMs: number, days: number, spec: ClockSpec): number {
  const p = zoned(windowMs, spec.timeZone);
  return zonedToUtc(p.year, p.month, p.day + days, spec.hour, spec.timeZone);
}

function jitterMs(ws: Workspace, spec: ClockSpec): number {
  if (spec.nearMinute !== undefined) return (spec.nearMinute * 60 + ws.rng.int(30 * 60 + 1) - 15 * 60) * 1000;
  return ws.rng.int(3600) * 1000;
}

// ------------------------------------------------------------------ triggers

export class Trigger
  extends GasObject
  implements Pick<GoogleAppsScript.Script.Trigger, "getHandlerFunction" | "getUniqueId">
{
  readonly gasClass = "Trigger";
  constructor(
    private readonly ws: Workspace,
    readonly record: TriggerRecord,
  ) {
    super();
  }
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getUniqueId(): string {
    return this.record.uid;
  }
  /** A string equal to the ScriptApp.EventType member ("ON_FORM_SUBMIT", "CLOCK", …). */
  getEventType(): string {
    return this.record.eventType;
  }
  getTriggerSource(): string {
    return sourceOf(this.ws, this.record);
  }
  /** The spreadsheet or form id; null for clock triggers. */
  getTriggerSourceId(): string | null {
    return this.record.sourceId;
  }
}

function sourceOf(ws: Workspace, t: TriggerRecord): Source {
  return state(ws).sources.get(t.uid) ?? (t.sourceId === null ? "CLOCK" : "SPREADSHEETS");
}

function actor(ws: Workspace): string {
  return ws.actor();
}

function sameUser(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function addTrigger(
  ws: Workspace,
  handler: string,
  eventType: EventType,
  source: Source,
  sourceId: string | null,
  clock?: ClockSpec,
): Trigger {
  if (typeof handler !== "string" || handler === "") throw serviceError("Invalid argument: functionName");
  const owner = actor(ws);
  const mine = ws.triggers.filter((t) => sameUser(t.owner, owner)).length;
  if (mine >= MAX_TRIGGERS_PER_USER) throw serviceError(TOO_MANY_TRIGGERS);
  const record: TriggerRecord = { uid: ws.newNumericId(10), handler, eventType, sourceId, owner };
  const st = state(ws);
  st.sources.set(record.uid, source);
  if (clock) {
    st.clocks.set(record.uid, clock);
    scheduleFirst(ws, record, clock);
  }
  ws.triggers.push(record);
  return new Trigger(ws, record);
}

function scheduleFirst(ws: Workspace, t: TriggerRecord, spec: ClockSpec): void {
  const now = ws.now();
  switch (spec.kind) {
    case "minutes":
      t.everyMs = spec.n * MINUTE;
      t.nextDueMs = now + t.everyMs;
      return;
    case "hours":
      t.everyMs = spec.n * HOUR;
      t.nextDueMs = now + t.everyMs;
      return;
    case "days":
    case "weeks":
      t.everyMs = spec.n * (spec.kind === "days" ? DAY : 7 * DAY);
      spec.windowMs = nextWindow(now, spec, spec.kind === "days" ? 1 : 7);
      t.nextDueMs = Math.max(now + 1, spec.windowMs + jitterMs(ws, spec));
      return;
    case "once":
      return; // nextDueMs set by the builder
  }
}

function scheduleNext(ws: Workspace, t: TriggerRecord, spec: ClockSpec): void {
  switch (spec.kind) {
    case "minutes":
    case "hours":
      t.nextDueMs = t.nextDueMs! + t.everyMs!;
      return;
    case "days":
    case "weeks":
      spec.windowMs = addDays(spec.windowMs!, spec.n * (spec.kind === "days" ? 1 : 7), spec);
      t.nextDueMs = Math.max(t.nextDueMs! + 1, spec.windowMs + jitterMs(ws, spec));
      return;
    case "once":
      delete t.nextDueMs;
      return;
  }
}

/** The time-driven event object for a run of `t` at `atMs`. */
function clockEvent(ws: Workspace, t: TriggerRecord, atMs: number): Record<string, unknown> {
  const tz = state(ws).clocks.get(t.uid)?.timeZone ?? ws.scriptTimeZone;
  const p = zoned(atMs, tz);
  return {
    authMode: "FULL",
    "day-of-month": p.day,
    "day-of-week": p.weekDay,
    hour: p.hour,
    minute: p.minute,
    month: p.month,
    second: p.second,
    timezone: tz,
    triggerUid: t.uid,
    "week-of-year": isoWeek(p.year, p.month, p.day),
    year: p.year,
  };
}

/** Which clock triggers fire (all by default; a test may drive some of them by hand). */
export type ClockFilter = (t: TriggerRecord) => boolean;

/** The earliest virtual time at which a clock trigger (passing `only`) is due, or null. */
export function nextClockDue(ws: Workspace, only?: ClockFilter): number | null {
  let best: number | null = null;
  for (const t of ws.triggers) {
    if (t.eventType !== "CLOCK" || t.nextDueMs === undefined || (only && !only(t))) continue;
    if (best === null || t.nextDueMs < best) best = t.nextDueMs;
  }
  return best;
}

/**
 * Recurring clock triggers whose runs fell behind the clock (the host moved it with `ws.advance`
 * without firing them) skip the runs they missed, as Apps Script never replays them; the next run
 * is the first one after now. One-shot triggers keep their time (they fire at once); daily and
 * weekly ones are left as they are.
 */
export function skipMissedRuns(ws: Workspace): void {
  const now = ws.now();
  const st = state(ws);
  for (const t of ws.triggers) {
    if (t.eventType !== "CLOCK" || t.nextDueMs === undefined || !t.everyMs || t.nextDueMs > now) continue;
    const kind = st.clocks.get(t.uid)?.kind;
    if (kind !== undefined && kind !== "minutes" && kind !== "hours") continue; // daily windows: not needed yet
    t.nextDueMs += Math.ceil((now - t.nextDueMs + 1) / t.everyMs) * t.everyMs;
  }
}

/**
 * Queues one execution for every clock trigger due at or before `uptoMs` (each once, in due
 * order) and schedules its next run. Returns how many were queued.
 */
export function fireClockTriggers(ws: Workspace, uptoMs: number, only?: ClockFilter): number {
  const st = state(ws);
  const due = ws.triggers
    .filter(
      (t) =>
        t.eventType === "CLOCK" && t.nextDueMs !== undefined && t.nextDueMs <= uptoMs && (!only || only(t)),
    )
    .sort((a, b) => a.nextDueMs! - b.nextDueMs!);
  for (const t of due) {
    const at = t.nextDueMs!;
    ws.enqueue({
      handler: t.handler,
      kind: "installable",
      authMode: "FULL",
      activeUser: t.owner,
      effectiveUser: t.owner,
      event: () => clockEvent(ws, t, at),
      triggerUid: t.uid,
      cause: "clock",
      dueMs: at,
    });
    const spec = st.clocks.get(t.uid);
    if (spec) scheduleNext(ws, t, spec);
    else if (t.everyMs) t.nextDueMs = at + t.everyMs;
    else delete t.nextDueMs;
  }
  return due.length;
}

// ------------------------------------------------------------------ builders

function idOf(x: unknown, what: string): string {
  if (typeof x === "string" && x !== "") return x;
  if (x !== null && typeof x === "object" && typeof (x as { getId?: unknown }).getId === "function") {
    return String((x as { getId(): unknown }).getId());
  }
  throw serviceError(`Invalid argument: ${what}`);
}

/** A trigger builder bound to one spreadsheet or form: the event type chosen last wins. */
abstract class SourceTriggerBuilder extends GasObject {
  private type: EventType | null = null;
  /** `missing`: the error create() throws when no event type was chosen. */
  constructor(
    private readonly ws: Workspace,
    private readonly handler: string,
    private readonly sourceId: string,
    private readonly source: Source,
    private readonly missing: string,
  ) {
    super();
  }
  protected _on(type: EventType): this {
    this.type = type;
    return this;
  }
  onFormSubmit(): this {
    return this._on("ON_FORM_SUBMIT");
  }
  onOpen(): this {
    return this._on("ON_OPEN");
  }
  create(): Trigger {
    if (!this.type) throw serviceError(this.missing);
    return addTrigger(this.ws, this.handler, this.type, this.source, this.sourceId);
  }
}

export class SpreadsheetTriggerBuilder extends SourceTriggerBuilder {
  readonly gasClass = "SpreadsheetTriggerBuilder";
  constructor(ws: Workspace, handler: string, sourceId: string) {
    super(
      ws,
      handler,
      sourceId,
      "SPREADSHEETS",
      "Trigger event type is missing: call onFormSubmit, onEdit, onOpen or onChange.",
    );
  }
  onEdit(): this {
    return this._on("ON_EDIT");
  }
  onChange(): this {
    return this._on("ON_CHANGE");
  }
}

export class FormTriggerBuilder extends SourceTriggerBuilder {
  readonly gasClass = "FormTriggerBuilder";
  constructor(ws: Workspace, handler: string, sourceId: string) {
    super(ws, handler, sourceId, "FORMS", "Trigger event type is missing: call onFormSubmit or onOpen.");
  }
}

const MINUTES = [1, 5, 10, 15, 30];
const HOURS = [1, 2, 4, 6, 8, 12];

function integerIn(n: unknown, ok: (x: number) => boolean, message: string): number {
  if (typeof n !== "number" || !Number.isInteger(n) || !ok(n)) throw serviceError(message);
  return n;
}

export class ClockTriggerBuilder extends GasObject {
  readonly gasClass = "ClockTriggerBuilder";
  private kind: ClockSpec["kind"] | null = null;
  private n = 1;
  private hour: number | null = null;
  private nearMin: number | undefined;
  private weekDay: number | undefined;
  private timeZone: string;
  private onceAt: number | null = null;

  constructor(
    private readonly ws: Workspace,
    private readonly handler: string,
  ) {
    super();
    this.timeZone = ws.scriptTimeZone;
  }
  everyMinutes(n: number): this {
    this.n = integerIn(
      n,
      (x) => MINUTES.includes(x),
      "Invalid argument: minutes. Must be 1, 5, 10, 15 or 30.",
    );
    this.kind = "minutes";
    return this;
  }
  everyHours(n: number): this {
    this.n = integerIn(n, (x) => HOURS.includes(x), "Invalid argument: hours. Must be 1, 2, 4, 6, 8 or 12.");
    this.kind = "hours";
    return this;
  }
  everyDays(n: number): this {
    this.n = integerIn(n, (x) => x >= 1, "Invalid argument: days");
    this.kind = "days";
    return this;
  }
  everyWeeks(n: number): this {
    this.n = integerIn(n, (x) => x >= 1, "Invalid argument: weeks");
    this.kind = "weeks";
    return this;
  }
  atHour(hour: number): this {
    this.hour = integerIn(hour, (x) => x >= 0 && x <= 23, "Invalid argument: hour");
    return this;
  }
  nearMinute(minute: number): this {
    this.nearMin = integerIn(minute, (x) => x >= 0 && x <= 59, "Invalid argument: minute");
    return this;
  }
  /** Accepts ScriptApp.WeekDay members ("MONDAY" …). */
  onWeekDay(day: unknown): this {
    const i = WEEK_DAYS.indexOf(String(day) as (typeof WEEK_DAYS)[number]);
    if (i < 0) throw serviceError("Invalid argument: day");
    this.weekDay = i + 1;
    return this;
  }
  inTimezone(timezone: string): this {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: timezone });
    } catch {
      throw serviceError(`Invalid argument: timezone`);
    }
    this.timeZone = timezone;
    return this;
  }
  after(durationMilliseconds: number): this {
    const ms = integerIn(durationMilliseconds, (x) => x >= 0, "Invalid argument: durationMilliseconds");
    this.kind = "once";
    this.onceAt = this.ws.now() + ms;
    return this;
  }
  at(date: unknown): this {
    if (!(date instanceof Date) || isNaN(date.getTime())) throw serviceError("Invalid argument: date");
    this.kind = "once";
    this.onceAt = date.getTime();
    return this;
  }
  create(): Trigger {
    const kind = this.kind;
    if (!kind) {
      throw serviceError(
        "Clock trigger has no schedule: call everyMinutes, everyHours, everyDays, everyWeeks, at or after.",
      );
    }
    if (this.hour !== null && kind !== "days" && kind !== "weeks") {
      throw serviceError("atHour can only be combined with everyDays or everyWeeks.");
    }
    if (kind === "weeks" && this.weekDay === undefined) throw serviceError("everyWeeks needs onWeekDay.");
    const spec: ClockSpec = {
      kind,
      n: this.n,
      hour: this.hour ?? zoned(this.ws.now(), this.timeZone).hour,
      timeZone: this.timeZone,
      ...(this.nearMin !== undefined ? { nearMinute: this.nearMin } : {}),
      ...(this.weekDay !== undefined ? { weekDay: this.weekDay } : {}),
    };
    const t = addTrigger(this.ws, this.handler, "CLOCK", "CLOCK", null, spec);
    if (kind === "once")
      t.record.nextDueMs = Math.max(this.onceAt!, this.ws.now()) + this.ws.rng.int(ONE_SHOT_LATENESS_MS + 1);
    return t;
  }
}

export class TriggerBuilder extends GasObject {
  readonly gasClass = "TriggerBuilder";
  constructor(
    private readonly ws: Workspace,
    private readonly handler: string,
  ) {
    super();
  }
  forSpreadsheet(sheet: unknown): SpreadsheetTriggerBuilder {
    return new SpreadsheetTriggerBuilder(this.ws, this.handler, idOf(sheet, "key"));
  }
  forForm(form: unknown): FormTriggerBuilder {
    return new FormTriggerBuilder(this.ws, this.handler, idOf(form, "key"));
  }
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.ws, this.handler);
  }
}

class ScriptService extends GasObject {
  readonly gasClass = "Service";
  constructor(private readonly ws: Workspace) {
    super();
  }
  getUrl(): string {
    return `https://script.google.com/macros/s/${scriptId(this.ws)}/exec`;
  }
  isEnabled(): boolean {
    return true;
  }
}

class ScriptAppImpl extends GasObject {
  readonly gasClass = "ScriptApp";
  constructor(private readonly ws: Workspace) {
    super();
  }
  override gasProps(): Record<string, unknown> {
    return {
      EventType: enumOf(EVENT_TYPES),
      TriggerSource: enumOf(TRIGGER_SOURCES),
      AuthMode: enumOf(AUTH_MODES),
      WeekDay: enumOf(WEEK_DAYS),
    };
  }
  newTrigger(functionName: string): TriggerBuilder {
    if (typeof functionName !== "string" || functionName === "")
      throw serviceError("Invalid argument: functionName");
    return new TriggerBuilder(this.ws, functionName);
  }
  /** The current user's triggers of this script. */
  getProjectTriggers(): Trigger[] {
    const me = actor(this.ws);
    return this.ws.triggers.filter((t) => sameUser(t.owner, me)).map((t) => new Trigger(this.ws, t));
  }
  /** The current user's triggers of this script for one spreadsheet, form or document. */
  getUserTriggers(container: unknown): Trigger[] {
    const id = idOf(container, "document");
    const me = actor(this.ws);
    return this.ws.triggers
      .filter((t) => t.sourceId === id && sameUser(t.owner, me))
      .map((t) => new Trigger(this.ws, t));
  }
  /** Deletes a trigger of the current user; an unknown or already deleted one is ignored (a choice). */
  deleteTrigger(trigger: unknown): void {
    if (!(trigger instanceof Trigger)) throw serviceError("Invalid argument: trigger");
    const me = actor(this.ws);
    const i = this.ws.triggers.findIndex((t) => t.uid === trigger.record.uid && sameUser(t.owner, me));
    if (i >= 0) {
      const [t] = this.ws.triggers.splice(i, 1);
      const st = state(this.ws);
      st.sources.delete(t!.uid);
      st.clocks.delete(t!.uid);
    }
  }
  getScriptId(): string {
    return scriptId(this.ws);
  }
  /** A fake token: the emulator talks to no Google endpoint. */
  getOAuthToken(): string {
    const who = actor(this.ws).toLowerCase();
    let h = 0;
    for (const ch of `${scriptId(this.ws)}:${who}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
    return `ya29.emulated-${h.toString(36)}`;
  }
  getService(): ScriptService {
    return new ScriptService(this.ws);
  }
}

/** Triggers with their source and schedule, for dumps. */
export function triggerTable(ws: Workspace): Record<string, unknown>[] {
  const st = state(ws);
  return ws.triggers.map((t) => ({
    ...t,
    source: sourceOf(ws, t),
    ...(st.clocks.has(t.uid) ? { clock: st.clocks.get(t.uid) } : {}),
    ...(t.nextDueMs !== undefined ? { nextDue: new Date(t.nextDueMs).toISOString() } : {}),
  }));
}

export function install(ws: Workspace): Record<string, unknown> {
  state(ws);
  registerDumper("script", (w) =>
    w.state.has("script") ? { json: { scriptId: scriptId(w), triggers: triggerTable(w) } } : null,
  );
  return { ScriptApp: new ScriptAppImpl(ws) };
}
