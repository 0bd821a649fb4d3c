/**
 * A whole office in the emulator, for flow tests and `npm start`, in the standalone shape
 * (docs/SECURITY.md, "Trust boundary"): the script project is standalone and owned by the office's
 * service account, which owns the register and runs setup; the officials are editors of the
 * register and viewers of the project (so that their edits fire its triggers), never its editors.
 * Helpers submit the form, edit the register and ask for admin operations as people would.
 * Everything goes through dist/Code.js.
 */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { verifyChain, type LogEntry } from "../../src/domain/audit.js";
import type { OfficeConfig } from "../../src/domain/config.js";
import { defaultConfig } from "../../src/domain/defaults.js";
import { configToTables, SHEETS } from "../../src/domain/settings.js";
import {
  REGISTER_COLUMNS,
  LOG_COLUMNS,
  SHEET_NAMES,
  type RegisterKey,
  type LogKey,
} from "../../src/workspace/schema.js";
import {
  type Emulator,
  type EmulatorSnapshot,
  type ExecutionResult,
  type TriggerRecord,
  type WorkspaceOptions,
  type AdvancedService,
  userEdit,
  type EditResult,
  submitResponse,
  type SubmitOptions,
} from "gas-emulator";
import {
  cellInfo,
  createStandaloneSpreadsheet,
  openSpreadsheet,
  sheetToTable,
  toasts,
  type Sheet,
  type Spreadsheet,
  outbox,
  markCreatedByProject,
  columnLetter,
  scriptPropertiesOf,
} from "gas-emulator/testkit";
import { ADMIN_COLUMNS, type AdminKey } from "../../src/workspace/schema.js";
import { INSTALLER_PROPERTY, REGISTER_ID_PROPERTY } from "../../src/workspace/context.js";
import { ADMIN_OPS, type AdminOp } from "../../src/domain/admin.js";
import { tx } from "../../src/domain/text/index.js";
import { questionTitle } from "../../src/domain/form.js";
import { ANCHOR_ACTION } from "../../src/domain/archive.js";
import { duplicateKeys } from "../../src/domain/duplicates.js";
import { surelEmulator } from "../kit/emulator.js";

export interface OfficeOptions extends WorkspaceOptions {
  /** Changes to the default configuration, written into the settings sheets before setup. */
  configure?: (c: OfficeConfig) => void;
  /** Write no settings before setup (setup then creates its defaults). */
  defaults?: boolean;
  /** Runs after the settings are written and before setup (e.g. the directory's groups and org units). */
  beforeSetup?: (emu: Emulator, config: OfficeConfig) => void;
  workers?: number;
  /** The emulator's cost table overrides ("Class.method" → ms), e.g. a slow digest. */
  costs?: Record<string, number>;
}

export interface Office {
  emu: Emulator;
  ssId: string;
  formId: string;
  config: OfficeConfig;
  setup: ExecutionResult;
}

export const DOMAIN = "contohkota.go.id";
/** The office's service account: owns the script project and the register, installs the triggers. */
export const SERVICE = `layanan.surel@${DOMAIN}`;
/** An office administrator (listed in the settings' admins; no access to the script project). */
export const ADMIN = `admin@${DOMAIN}`;
/** An editor of the spreadsheet who holds no role. */
export const OUTSIDER = `bukan.pejabat@${DOMAIN}`;

/** Everyone named in the configuration becomes a person with edit access to the spreadsheet. */
function people(config: OfficeConfig): string[] {
  const all = new Set<string>(config.admins);
  for (const s of config.stages) for (const e of [...s.officials, ...s.delegates]) all.add(e);
  return [...all];
}

/** The project's manifest scopes: the emulator refuses every call they do not cover. */
export const MANIFEST_SCOPES: readonly string[] = (
  JSON.parse(readFileSync(new URL("../../appsscript.json", import.meta.url), "utf8")) as {
    oauthScopes: string[];
  }
).oauthScopes;

/** The project's manifest advanced services (an emulator given the bundle as `code` needs them). */
export const MANIFEST_ADVANCED_SERVICES: readonly AdvancedService[] = (
  JSON.parse(readFileSync(new URL("../../appsscript.json", import.meta.url), "utf8")) as {
    dependencies: { enabledAdvancedServices: AdvancedService[] };
  }
).dependencies.enabledAdvancedServices;

export async function createOffice(opts: OfficeOptions = {}): Promise<Office> {
  const emu = surelEmulator({
    domain: DOMAIN,
    owner: { email: SERVICE, admin: true, name: "Layanan Surel Dinas" },
    oauthScopes: MANIFEST_SCOPES,
    ...opts,
  });
  return prepareOffice(emu, opts);
}

/**
 * The register as setup's first run leaves it (created by the project through the Drive API, id in
 * Script Properties) with the office's settings filled in by the service account: a shortcut for
 * steps 3 and 4 of the README's deploy section. Setup adopts it because the service account owns it
 * and, under `drive.file`, can read its sharing only because the project created it.
 */
function preparedRegister(emu: Emulator, config: OfficeConfig): Spreadsheet {
  const ss = createStandaloneSpreadsheet(emu.ws, "Register Surel Dinas");
  markCreatedByProject(emu.ws, ss.getId());
  const tables = configToTables(config);
  const write = (name: string, rows: string[][]) => {
    const sheet = ss.insertSheet(name);
    const width = Math.max(...rows.map((r) => r.length));
    // As setup does: the settings are text (a NIP typed there must not become 1,97E+17).
    sheet.getRange(1, 1, sheet.getMaxRows(), width).setNumberFormat("@");
    sheet
      .getRange(1, 1, rows.length, width)
      .setValues(rows.map((r) => [...r, ...Array(width - r.length).fill("")]));
  };
  write(SHEETS.settings, tables.settings);
  write(SHEETS.stages, tables.stages);
  write(SHEETS.opds, tables.opds);
  write(SHEETS.holidays, tables.holidays);
  scriptPropertiesOf(emu.ws).set(REGISTER_ID_PROPERTY, ss.getId());
  return ss;
}

/**
 * Step 6 of the deploy section: the register shared with the officials (editors) and the project
 * with them (viewers: a standalone project's triggers run for people who can view it).
 */
export function shareWithPeople(emu: Emulator, ssId: string, emails: readonly string[]): void {
  const ss = openSpreadsheet(emu.ws, ssId);
  for (const email of emails) {
    if (!emu.ws.identity(email)) emu.ws.addIdentity({ email });
    ss.addEditor(email);
    emu.ws.project.viewers.add(email.toLowerCase());
  }
}

/**
 * Builds the office in an emulator's current workspace (for `explore`, whose every run starts
 * from a fresh workspace): the spreadsheet, the people, the settings, then setup through the bundle.
 */
export async function prepareOffice(emu: Emulator, opts: OfficeOptions = {}): Promise<Office> {
  const config = defaultConfig();
  config.admins = [ADMIN, ...config.admins];
  opts.configure?.(config);
  // Setup is deterministic: the same configuration on the same fresh workspace gives the same
  // state, so it runs once per test process and each further office starts from its snapshot.
  // A hook before setup is code the key cannot capture: such offices always run setup.
  const key =
    emu.isFresh() && !opts.beforeSetup ? emu.stateKey({ config, defaults: opts.defaults ?? false }) : null;
  const cached = key === null ? undefined : setupSnapshots.get(key);
  if (cached) {
    // The most recently used last: the oldest is dropped first when the cache is full.
    setupSnapshots.delete(key!);
    setupSnapshots.set(key!, cached);
    emu.restore(cached.snapshot);
    return { emu, ssId: cached.ssId, formId: cached.formId, config, setup: cached.setup };
  }
  const office = await setupOffice(emu, config, opts);
  if (key !== null) {
    if (setupSnapshots.size >= SETUP_SNAPSHOTS_KEPT)
      setupSnapshots.delete(setupSnapshots.keys().next().value!);
    setupSnapshots.set(key, {
      snapshot: emu.snapshot(),
      ssId: office.ssId,
      formId: office.formId,
      setup: office.setup,
    });
  }
  return office;
}

/**
 * Setup's end state per configuration and workspace (see prepareOffice). The test files of a test
 * process share this module (vitest.config.ts): a file's offices find the setups earlier files
 * made; the least recently used is dropped beyond this many (each holds a whole workspace).
 */
const SETUP_SNAPSHOTS_KEPT = 16;
/** Setup's end state per configuration and workspace, least recently used first. */
const setupSnapshots = new Map<
  string,
  { snapshot: EmulatorSnapshot; ssId: string; formId: string; setup: ExecutionResult }
>();

async function setupOffice(emu: Emulator, config: OfficeConfig, opts: OfficeOptions): Promise<Office> {
  if (!opts.defaults) preparedRegister(emu, config);
  opts.beforeSetup?.(emu, config);
  const setup = await emu.run("setup");
  if (!setup.ok) throw new Error(`setup failed: ${setup.error?.message}`);
  const report = setup.returnValue as { refused?: boolean; formId?: string; lines?: string[] } | undefined;
  if (report?.refused || !report?.formId)
    throw new Error(`setup refused or stopped:\n${(report?.lines ?? []).join("\n")}`);
  const ssId = scriptPropertiesOf(emu.ws).get(REGISTER_ID_PROPERTY) ?? "";
  if (!ssId) throw new Error(`setup recorded no register: ${JSON.stringify(setup.returnValue)}`);
  const setupConfig = opts.defaults ? defaultConfig() : config;
  shareWithPeople(emu, ssId, [...people(setupConfig), ...people(config), OUTSIDER]);
  const formId = (setup.returnValue as { formId: string }).formId;
  return { emu, ssId, formId, config, setup };
}

/**
 * A configuration for an office in a real domain: the sample office's signer, NIP, government
 * name, address and phone replaced by plausible ones of that office, and no OPD groups (setup
 * refuses sample values and groups the directory lacks outside the sample domain).
 */
export function ownValues(config: OfficeConfig): OfficeConfig {
  const sample = defaultConfig();
  const city = config.office.city || "Daerah";
  if (config.letter.signer.name === sample.letter.signer.name)
    config.letter.signer = { ...config.letter.signer, name: "Drs. Budi Santoso, M.Si." };
  if (config.letter.signer.nip === sample.letter.signer.nip)
    config.letter.signer = { ...config.letter.signer, nip: "196805121990031004" };
  if (config.office.government === sample.office.government) config.office.government = `Pemerintah ${city}`;
  if (config.office.address === sample.office.address) config.office.address = `Jl. Pemuda No. 5, ${city}`;
  if (config.office.phone === sample.office.phone) config.office.phone = "(0334) 881234";
  if (config.complaints.includes(sample.domain))
    config.complaints = `${config.office.name}: ${config.office.email}, ${config.office.phone}`;
  // Groups must exist in a real domain's directory: an office built for a test names none.
  config.opds = config.opds.map((o) => ({ ...o, group: "" }));
  return config;
}

/** The account setup recorded as the service account (Script Properties). */
export function recordedInstaller(office: Office): string {
  return scriptPropertiesOf(office.emu.ws).get(INSTALLER_PROPERTY) ?? "";
}

export type AdminRecord = Record<AdminKey, string> & { _row: number };

/** The admin sheet as records (display values). */
export function adminRows(office: Office): AdminRecord[] {
  const table = sheetToTable(sheet(office, SHEET_NAMES.admin));
  return table.slice(1).map((cells, i) => {
    const r = { _row: i + 2 } as AdminRecord;
    ADMIN_COLUMNS.forEach((c, j) => (r[c.key] = cells[j] ?? ""));
    return r;
  });
}

/** The label of an admin operation as the dropdown shows it in the office's language. */
export function adminOpLabel(office: Office, op: AdminOp): string {
  const spec = ADMIN_OPS.find((s) => s.op === op)!;
  return tx(office.config.language, spec.label);
}

/**
 * A person asks for an admin operation on the admin sheet, as in the browser: fills ticket, new
 * value, reason and evidence in the first free row, then picks the operation; the triggers run.
 * `edit` is Sheets' answer to the last edit (a protection refuses people who are not administrators).
 */
export async function adminRequest(
  office: Office,
  as: string,
  op: AdminOp,
  fields: { ticket?: string; value?: string; reason?: string; evidence?: string } = {},
): Promise<{ row: number; edit: EditResult; results: ExecutionResult[] }> {
  const admin = sheet(office, SHEET_NAMES.admin);
  const row = Math.max(2, admin.getLastRow() + 1);
  const results: ExecutionResult[] = [];
  const inputs: [AdminKey, string | undefined][] = [
    ["ticket", fields.ticket],
    ["value", fields.value],
    ["reason", fields.reason],
    ["evidence", fields.evidence],
  ];
  for (const [key, value] of inputs) {
    if (value === undefined) continue;
    const c = ADMIN_COLUMNS.findIndex((x) => x.key === key) + 1;
    const r = await editRange(office, as, SHEET_NAMES.admin, `${columnLetter(c)}${row}`, [[value]]);
    if (!r.edit.ok) return { row, edit: r.edit, results };
    results.push(...r.results);
  }
  const r = await editRange(office, as, SHEET_NAMES.admin, `A${row}`, [[adminOpLabel(office, op)]]);
  return { row, edit: r.edit, results: [...results, ...r.results] };
}

/** The statement's only choice (the checkbox the applicant must tick). */
export const STATEMENT =
  "Saya bersedia bertanggung jawab atas penggunaan dan pengelolaan akun surel dinas ini sesuai ketentuan yang berlaku.";

/** A valid application (form titles → answers), with overrides. */
export function application(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    "Nama lengkap": "Ahmad Fauzi, S.T.",
    "Status kepegawaian": "PNS",
    "NIP / NI PPPK": "198503302010011002",
    Jabatan: "Analis Sistem Informasi",
    "Perangkat daerah": "Dinas Komunikasi dan Informatika",
    "Nomor HP/WhatsApp": "0812-3456-7890",
    "Surel pribadi": "ahmad.fauzi@gmail.com",
    "Jenis akun": "Pribadi",
    "Nomor surat permohonan": "800/123/Diskominfo/2026",
    "Tanggal surat permohonan": "2026-11-20",
    Pernyataan: STATEMENT,
    ...overrides,
  };
}

/** A person submits the form; the triggers it causes are run. */
export async function submit(
  office: Office,
  answers: Record<string, string>,
  opts: SubmitOptions & { run?: boolean } = {},
): Promise<{ row: number; results: ExecutionResult[] }> {
  const { row } = submitResponse(office.emu.ws, office.formId, answers, opts);
  const results = opts.run === false ? [] : await office.emu.drain();
  return { row, results };
}

export type RegisterRecord = Record<RegisterKey, string> & { _row: number };

/** The register as officials see it (display values), keyed by column. */
export function register(office: Office): RegisterRecord[] {
  const table = sheetToTable(
    openSpreadsheet(office.emu.ws, office.ssId).getSheetByName(SHEET_NAMES.register)!,
  );
  return table
    .slice(1)
    .map((cells, i) => {
      const r = { _row: i + 2 } as RegisterRecord;
      REGISTER_COLUMNS.forEach((c, j) => (r[c.key] = cells[j] ?? ""));
      return r;
    })
    .filter((r) => r.ticket !== "");
}

export function row(office: Office, ticket: string): RegisterRecord {
  const r = register(office).find((x) => x.ticket === ticket);
  if (!r) throw new Error(`no register row for ${ticket}`);
  return r;
}

export type LogRecord = Record<LogKey, string>;

export function log(office: Office): LogRecord[] {
  const table = sheetToTable(openSpreadsheet(office.emu.ws, office.ssId).getSheetByName(SHEET_NAMES.log)!);
  return table
    .slice(1)
    .map((cells) => {
      const r = {} as LogRecord;
      LOG_COLUMNS.forEach((c, j) => (r[c.key] = cells[j] ?? ""));
      return r;
    })
    .filter((r) => r.seq !== "");
}

/** A person edits one register cell of a ticket's row (as typed in the browser); triggers run. */
export async function editCell(
  office: Office,
  as: string,
  ticket: string,
  column: RegisterKey,
  value: string,
): Promise<{ edit: EditResult; results: ExecutionResult[] }> {
  const r = row(office, ticket);
  const col = REGISTER_COLUMNS.findIndex((c) => c.key === column) + 1;
  const edit = userEdit(
    office.emu.ws,
    as,
    { spreadsheetId: office.ssId, sheet: SHEET_NAMES.register, a1: `${columnLetter(col)}${r._row}` },
    [[value]],
  );
  const results = edit.ok ? await office.emu.drain() : [];
  return { edit, results };
}

/** An official acts: writes the note (if any), then picks the action from the dropdown. */
export async function act(
  office: Office,
  as: string,
  ticket: string,
  action: string,
  note = "",
): Promise<ExecutionResult[]> {
  const results: ExecutionResult[] = [];
  if (note) results.push(...(await editCell(office, as, ticket, "note", note)).results);
  const { edit, results: r } = await editCell(office, as, ticket, "action", action);
  if (!edit.ok) throw new Error(`edit refused by Sheets: ${edit.error}`);
  return [...results, ...r];
}

/** The log as entries (stored values parsed back), for checking its hash chain. */
export function logEntries(office: Office): LogEntry[] {
  const values = sheet(office, SHEET_NAMES.log).getDataRange().getValues().slice(1);
  return values
    .filter((v) => v[0] !== "")
    .map((v) => ({
      seq: Number(v[0]),
      timeMs: v[1] instanceof Date ? v[1].getTime() : Number(v[1]),
      ticket: String(v[2]),
      from: String(v[3]),
      to: String(v[4]),
      action: String(v[5]),
      actor: String(v[6]),
      note: String(v[7]),
      prevHash: String(v[8]),
      hash: String(v[9]),
    }));
}

const sha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");

/** Whether entries chain from the genesis hash. */
export function chainOk(entries: readonly LogEntry[]): boolean {
  return verifyChain(entries, sha256).ok;
}

/**
 * Whether the office's log verifies: an unbroken chain that ends at the anchor the program keeps;
 * after a yearly archive, from the anchor row that starts the live log (its tail in the archive).
 */
export function logChainOk(office: Office): boolean {
  const raw = scriptPropertiesOf(office.emu.ws).get("surel:logHead");
  const head = raw ? (JSON.parse(raw) as { seq: number; hash: string }) : undefined;
  const entries = logEntries(office);
  const anchor = entries[0]?.action === ANCHOR_ACTION ? entries[0] : undefined;
  const start = anchor ? { start: { seq: anchor.seq, hash: anchor.hash } } : {};
  return verifyChain(anchor ? entries.slice(1) : entries, sha256, { ...start, ...(head ? { head } : {}) }).ok;
}

/** The provisioning worker's entry point (its one-shot triggers: src/workspace/worker.ts). */
export const WORKER = "provisionWorker";
const isWorker = (t: TriggerRecord): boolean => t.handler === WORKER;

/**
 * Lets the provisioning workers run until the queue is empty, as Apps Script would: each worker
 * trigger fires at its time (up to a minute late), the chain's next ones beside the running ones
 * (up to 30 executions at once). Other clock triggers are not fired (the tests drive the sweep by
 * hand); the clock stays where the last worker ended. `within` bounds how far the clock may go.
 */
export async function runWorkers(office: Office, within = 24 * 3_600_000): Promise<ExecutionResult[]> {
  return office.emu.advanceTo(office.emu.ws.clockMs + within, {
    only: isWorker,
    concurrency: 30,
    untilIdle: true,
  });
}

/** Whether a worker trigger is waiting to fire. */
export function workerPending(office: Office): boolean {
  return office.emu.ws.triggers.some((t) => isWorker(t) && t.nextDueMs !== undefined);
}

export function mails(office: Office) {
  return outbox(office.emu.ws);
}

export function mailsTo(office: Office, address: string) {
  return outbox(office.emu.ws).filter((m) => [...m.to, ...m.cc, ...m.bcc].includes(address));
}

/** The code printed in the receipt of a ticket, as the applicant reads it. */
export function receiptCode(office: Office, personalEmail: string, ticket: string): string {
  const receipt = mailsTo(office, personalEmail).find(
    (m) => m.subject.includes(ticket) && /kode rahasia|secret code/i.test(m.body),
  );
  if (!receipt) throw new Error(`no receipt with a code for ${ticket}`);
  const m = /(?:kode rahasia|secret code) ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(receipt.body);
  if (!m) throw new Error("no code in the receipt");
  return m[1]!;
}

/**
 * The answers that make a submission the correction of a ticket, as its applicant fills them in:
 * the ticket and the code read from the receipt mailed to `personalEmail`.
 */
export function correctionOf(office: Office, ticket: string, personalEmail: string): Record<string, string> {
  return {
    [questionTitle("previousTicket", "id")]: ticket,
    [questionTitle("statusCode", "id")]: receiptCode(office, personalEmail, ticket),
  };
}

// ---------------------------------------------------------------------------------------------
// More helpers for the flow tests: cells, ranges, host-side writes, sheets as records.

/** The bound spreadsheet, host side (no permission checks, never buffered). */
export function spreadsheet(office: Office): Spreadsheet {
  return openSpreadsheet(office.emu.ws, office.ssId);
}

export function sheet(office: Office, name: string): Sheet {
  const s = spreadsheet(office).getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** 1-based column of a register key. */
export function registerColumn(key: RegisterKey): number {
  return REGISTER_COLUMNS.findIndex((c) => c.key === key) + 1;
}

/** The A1 address of a ticket's cell in the register. */
export function a1Of(office: Office, ticket: string, key: RegisterKey): string {
  return `${columnLetter(registerColumn(key))}${row(office, ticket)._row}`;
}

/** One register cell of a ticket: stored value, formula, display, note, validation state. */
export function cellOf(office: Office, ticket: string, key: RegisterKey): ReturnType<typeof cellInfo> {
  return cellInfo(office.emu.ws, office.ssId, SHEET_NAMES.register, a1Of(office, ticket, key));
}

/** Any cell of the spreadsheet. */
export function cellAt(office: Office, sheetName: string, a1: string): ReturnType<typeof cellInfo> {
  return cellInfo(office.emu.ws, office.ssId, sheetName, a1);
}

/** The dropdown choices of a ticket's action cell ([] when it has no list rule). */
export function actionChoices(office: Office, ticket: string): string[] {
  const rule = sheet(office, SHEET_NAMES.register)
    .getRange(row(office, ticket)._row, registerColumn("action"))
    .getDataValidation();
  if (!rule) return [];
  const values = rule.getCriteriaValues();
  return Array.isArray(values[0]) ? (values[0] as unknown[]).map(String) : [];
}

/** A person edits (or pastes into) any range; the triggers it causes run. */
export async function editRange(
  office: Office,
  as: string,
  sheetName: string,
  a1: string,
  values: unknown[][],
): Promise<{ edit: EditResult; results: ExecutionResult[] }> {
  const edit = userEdit(office.emu.ws, as, { spreadsheetId: office.ssId, sheet: sheetName, a1 }, values);
  const results = edit.ok ? await office.emu.drain() : [];
  return { edit, results };
}

/** Writes cells host side, bypassing protections and triggers (tampering, or fast filling). */
export function hostWrite(office: Office, sheetName: string, a1: string, values: unknown[][]): void {
  sheet(office, sheetName)
    .getRange(a1)
    .setValues(values as never);
}

/** Any sheet of the program as records keyed by its header row (display values). */
export function records(office: Office, sheetName: string): Record<string, string>[] {
  const [head = [], ...rows] = sheetToTable(sheet(office, sheetName));
  return rows.map((cells) => Object.fromEntries(head.map((h, i) => [h, cells[i] ?? ""])));
}

export function errorLog(office: Office): Record<string, string>[] {
  return records(office, SHEET_NAMES.errors);
}

/** Toasts shown to one person. */
export function toastsFor(office: Office, email: string): { message: string; title: string }[] {
  return toasts(office.emu.ws)
    .filter((t) => t.user === email.toLowerCase())
    .map((t) => ({ message: t.message, title: t.title }));
}

/** Submits the form without running the triggers; returns the response row. */
export function submitOnly(
  office: Office,
  answers: Record<string, string>,
  opts: SubmitOptions = {},
): number {
  return submitResponse(office.emu.ws, office.formId, answers, opts).row;
}

/**
 * Fills the register host side with `n` plausible rows below the existing ones (fast: one write
 * per 2,000 rows, rows inserted as needed), each at the first stage, with unique tickets, NIPs
 * and addresses. Returns the number of the last row written.
 */
export function fillRegister(office: Office, n: number): number {
  const reg = sheet(office, SHEET_NAMES.register);
  const first = reg.getLastRow() + 1;
  const need = first + n - 1;
  if (need > reg.getMaxRows()) reg.insertRowsAfter(reg.getMaxRows(), need - reg.getMaxRows() + 10);
  const stage = office.config.stages[0]!;
  const at = new Date(office.emu.ws.clockMs - 86_400_000);
  const make = (i: number): unknown[] => {
    const r: Record<RegisterKey, unknown> = {} as Record<RegisterKey, unknown>;
    for (const c of REGISTER_COLUMNS) r[c.key] = "";
    const serial = String(i + 1).padStart(5, "0");
    Object.assign(r, {
      ticket: `SRL-2610-${serial}`,
      receivedAt: at,
      status: "baru",
      stage: stage.label,
      stageKey: stage.key,
      responsible: stage.officials.join(", "),
      fullName: `Pegawai Contoh ${serial}`,
      name: `Pegawai Contoh ${serial}`,
      asnStatus: "PNS",
      nip: `1980010120050110${String(i % 100).padStart(2, "0")}`.slice(0, 14) + serial.slice(1),
      position: "Staf",
      opd: "Dinas Kesehatan",
      phone: "+6281200000000",
      personalEmail: `pegawai${serial}@gmail.com`,
      accountType: "Pribadi",
      duplicate: "aman",
      address: `pegawai.contoh${serial}@${office.config.domain}`,
      addressRecorded: `pegawai.contoh${serial}@${office.config.domain}`,
      stageEnteredAt: at,
      responseRow: "",
      lastLogSeq: "",
      updatedAt: at,
    });
    // Its duplicate keys, as the program writes them with a row.
    r.dupKeys = duplicateKeys(r, office.config.opds);
    return REGISTER_COLUMNS.map((c) => r[c.key]);
  };
  // As the program does when the register grows: the officials' columns stay editable.
  const protection = reg.getProtections("SHEET")[0];
  if (protection) {
    const max = reg.getMaxRows();
    protection.setUnprotectedRanges(
      REGISTER_COLUMNS.map((c, i) => ({ c, i }))
        .filter(({ c }) => c.editable)
        .map(({ i }) => reg.getRange(2, i + 1, max - 1, 1)),
    );
  }
  for (let start = 0; start < n; start += 2000) {
    const count = Math.min(2000, n - start);
    const rows = Array.from({ length: count }, (_, j) => make(start + j));
    reg.getRange(first + start, 1, count, REGISTER_COLUMNS.length).setValues(rows as never);
  }
  return need;
}

/** How many times each service method was called in a run, order left out. */
export function callTally(r: ExecutionResult): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const c of r.trace) tally[c.key] = (tally[c.key] ?? 0) + 1;
  return tally;
}

/**
 * The calls of a run that do the outside work itself, not the register's bookkeeping: the
 * directory, Drive, the documents (the letter) and mail.
 */
export function outsideWork(r: ExecutionResult): number {
  return r.trace.filter((c) =>
    /^(AdminDirectory|Drive|DriveApp|DocumentApp|Document|Body|Text|RangeElement|Blob|MailApp|GmailApp)\./.test(
      c.key,
    ),
  ).length;
}

export { catalogued } from "../domain/catalogued.js";
