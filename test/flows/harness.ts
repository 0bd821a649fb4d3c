/**
 * A whole office in the emulator, for flow tests and `npm start`: the bound spreadsheet, the
 * officials as people with edit access, setup run through the built bundle, and helpers to submit
 * the form and to edit the register as a person would. Everything goes through dist/Code.js.
 */
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
import { Emulator, type ExecutionResult } from "../emulator/index.js";
import type { WorkspaceOptions } from "../emulator/workspace.js";
import {
  cellInfo,
  createBoundSpreadsheet,
  openSpreadsheet,
  sheetToTable,
  toasts,
  userEdit,
  type EditResult,
} from "../emulator/services/sheets/host.js";
import type { Sheet, Spreadsheet } from "../emulator/services/sheets.js";
import { submitResponse, type SubmitOptions } from "../emulator/services/forms.js";
import { outbox } from "../emulator/services/mail.js";
import { columnLetter } from "../emulator/services/sheets/a1.js";

export interface OfficeOptions extends WorkspaceOptions {
  /** Changes to the default configuration, written into the settings sheets before setup. */
  configure?: (c: OfficeConfig) => void;
  /** Write no settings before setup (setup then creates its defaults). */
  defaults?: boolean;
  /** Runs after the settings are written and before setup (e.g. the directory's groups and org units). */
  beforeSetup?: (emu: Emulator, config: OfficeConfig) => void;
  workers?: number;
}

export interface Office {
  emu: Emulator;
  ssId: string;
  formId: string;
  config: OfficeConfig;
  setup: ExecutionResult;
}

export const DOMAIN = "contohkota.go.id";
export const ADMIN = `admin@${DOMAIN}`;
/** An editor of the spreadsheet who holds no role. */
export const OUTSIDER = `bukan.pejabat@${DOMAIN}`;

/** Everyone named in the configuration becomes a person with edit access to the spreadsheet. */
function people(config: OfficeConfig): string[] {
  const all = new Set<string>(config.admins);
  for (const s of config.stages) for (const e of [...s.officials, ...s.delegates]) all.add(e);
  return [...all];
}

export async function createOffice(opts: OfficeOptions = {}): Promise<Office> {
  const emu = new Emulator({
    domain: DOMAIN,
    owner: { email: ADMIN, admin: true, name: "Admin Diskominfo" },
    ...opts,
  });
  return prepareOffice(emu, opts);
}

/**
 * Builds the office in an emulator's current workspace (for `explore`, whose every run starts
 * from a fresh workspace): the spreadsheet, the people, the settings, then setup through the bundle.
 */
export async function prepareOffice(emu: Emulator, opts: OfficeOptions = {}): Promise<Office> {
  const config = defaultConfig();
  config.admins = [ADMIN, ...config.admins];
  opts.configure?.(config);
  const ss = createBoundSpreadsheet(emu.ws, "Register Surel Dinas");
  for (const email of [...people(config), OUTSIDER]) {
    if (!emu.ws.identity(email)) emu.ws.addIdentity({ email });
    ss.addEditor(email);
  }
  if (!opts.defaults) {
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
  }
  opts.beforeSetup?.(emu, config);
  const setup = await emu.run("setup");
  if (!setup.ok) throw new Error(`setup failed: ${setup.error?.message}`);
  const formId = (setup.returnValue as { formId: string }).formId;
  return { emu, ssId: ss.getId(), formId, config, setup };
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

export function mails(office: Office) {
  return outbox(office.emu.ws);
}

export function mailsTo(office: Office, address: string) {
  return outbox(office.emu.ws).filter((m) => [...m.to, ...m.cc, ...m.bcc].includes(address));
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
