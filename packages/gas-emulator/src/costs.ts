/**
 * The emulator's cost model: the modelled latency of every service call, in one table.
 *
 * Each entry names its figure and where the figure comes from. Entries marked `published` use the
 * measurements collected in the project's reference notes (Apps Script book samples, Google's
 * best-practices page, public measurements); every other figure is an `assumption` of the
 * emulator, chosen from the rule of thumb that a call into a Google service is a network round
 * trip of the order of 100 ms, and local objects (builders, blobs, already-fetched getters) cost
 * next to nothing. Change a figure here and nowhere else.
 *
 * Keys: "Class.method" (exact), "Class.*" (every method of a class), "service:<Service>" (every
 * class of a service without a better entry), and "*" (everything else). Property assignments
 * by the script (`template.data = x`) are keyed "Class.name=" and cost nothing unless listed.
 */

interface CostEntry {
  /** Modelled latency of one call, in milliseconds of virtual time. */
  ms: number;
  /** True when the figure comes from a published measurement; false for the emulator's assumption. */
  published: boolean;
  /** Where the figure comes from (or why it was assumed). */
  source: string;
}

const BOOK = "Apps Script book samples (moseskim/google-app-scripts-3rd, 16/16-02.gs): 1,000 rows";
const BEST_PRACTICES = "Google Apps Script best-practices page: 100×100 cells";
const PERALTA = "Luis Peralta, 100-run measurement";
const MOGSDAD = "widely cited answer by Mogsdad (older runtime): flush after each of 400 rows ≈ 12 s";
const MAIL_FAQ = "vendor FAQ of a mail add-on: one ~100 KB e-mail ≈ 1.2 s";
const RULE = "assumption: a round trip to a Google service (rule of thumb ≈ 100 ms)";
const LOCAL = "assumption: a local object, no round trip";
const NONE = "assumption: no published figure";

function pub(ms: number, source: string): CostEntry {
  return { ms, published: true, source };
}
function guess(ms: number, source: string = NONE): CostEntry {
  return { ms, published: false, source };
}

export const COSTS: Readonly<Record<string, CostEntry>> = {
  // --- SpreadsheetApp ---
  "Range.getValue": pub(159, `${BOOK}: 2,000 single-cell calls 318,580 ms ≈ 159 ms per call`),
  "Range.setValue": pub(159, `${BOOK}: 2,000 single-cell calls 318,580 ms ≈ 159 ms per call`),
  "Range.getValues": pub(
    159,
    `${BOOK}: one getValues and one setValues of the same 1,000 cells 333 ms together, ≈ 167 ms each: the call's 159 ms plus the cells (per-cell rates below)`,
  ),
  "Range.setValues": pub(159, `${BOOK}: as getValues; the cells are charged at the write rate below`),
  "Range.getDisplayValues": guess(159, "assumption: as getValues"),
  "Range.getDisplayValue": guess(159, "assumption: as getValue"),
  "Range.getFormulas": guess(159, "assumption: as getValues"),
  "Range.setFormulas": guess(159, "assumption: as setValues"),
  "Range.setBackground": pub(
    7,
    `${BEST_PRACTICES}: 10,000 single-cell setBackground + flush ≈ 70 s ≈ 7 ms per call`,
  ),
  "Range.setBackgrounds": pub(
    7,
    `${BEST_PRACTICES}: one setBackgrounds of 10,000 cells ≈ 1 s: the call plus 10,000 cells at the write rate`,
  ),
  "SpreadsheetApp.flush": pub(30, `${MOGSDAD} ≈ 30 ms per flush`),
  "Sheet.appendRow": guess(159, "assumption: one write, as setValue (its cells at the write rate)"),
  "Sheet.getRange": guess(1, "assumption: a range reference is built locally; data moves on read/write"),
  "Sheet.getLastRow": guess(50, "assumption: a metadata read"),
  "Sheet.getLastColumn": guess(50, "assumption: a metadata read"),
  "Sheet.getDataRange": guess(50, "assumption: a metadata read"),
  "Sheet.getName": guess(1, LOCAL),
  "Sheet.createTextFinder": guess(1, "assumption: a local builder; the search runs at findAll/findNext"),
  "Range.createTextFinder": guess(1, "assumption: as Sheet.createTextFinder"),
  "Spreadsheet.createTextFinder": guess(1, "assumption: as Sheet.createTextFinder"),
  "TextFinder.findAll": guess(159, "assumption: a server round trip as getValues, plus the cells scanned"),
  "TextFinder.findNext": guess(159, "assumption: as findAll (the scope is scanned again)"),
  "TextFinder.findPrevious": guess(159, "assumption: as findAll"),
  "TextFinder.*": guess(0, LOCAL),
  "Range.getRow": guess(0, LOCAL),
  "Range.getColumn": guess(0, LOCAL),
  "Range.getNumRows": guess(0, LOCAL),
  "Range.getNumColumns": guess(0, LOCAL),
  "Range.getA1Notation": guess(0, LOCAL),
  "Range.getSheet": guess(0, LOCAL),
  "Range.offset": guess(1, LOCAL),
  "Range.getCell": guess(1, LOCAL),
  "Range.protect": guess(300, RULE),
  "EmbeddedChartBuilder.*": guess(0, LOCAL),
  "ChartOptions.*": guess(0, LOCAL),
  "ContainerInfo.*": guess(0, LOCAL),
  "EmbeddedChart.getBlob": guess(1000, "assumption: the chart is rendered server-side"),
  "EmbeddedChart.getAs": guess(1000, "assumption: the chart is rendered server-side"),
  "EmbeddedChart.*": guess(0, LOCAL),
  "Range.*": guess(100, RULE),
  "Sheet.*": guess(100, RULE),
  "SpreadsheetApp.getActiveSpreadsheet": guess(50, "assumption: the bound spreadsheet is already open"),
  "SpreadsheetApp.getActive": guess(50, "assumption: the bound spreadsheet is already open"),
  "SpreadsheetApp.openById": guess(300, "assumption: opening another file"),
  "SpreadsheetApp.create": guess(1500, "assumption: creating a Drive file"),
  "SpreadsheetApp.newDataValidation": guess(0, LOCAL),
  "SpreadsheetApp.getUi": guess(10, NONE),
  "Spreadsheet.getId": guess(0, LOCAL),
  "Spreadsheet.getSheetByName": guess(20, NONE),
  "Spreadsheet.getSheets": guess(20, NONE),
  "Spreadsheet.insertSheet": guess(300, RULE),
  "Spreadsheet.toast": guess(100, RULE),
  "Spreadsheet.*": guess(100, RULE),
  "DataValidationBuilder.*": guess(0, LOCAL),
  "DataValidation.*": guess(0, LOCAL),
  "Protection.*": guess(100, RULE),
  "Ui.*": guess(50, NONE),
  "Menu.*": guess(0, LOCAL),
  "Menu.addToUi": guess(50, NONE),
  "service:SpreadsheetApp": guess(100, RULE),
  // --- FormApp ---
  "FormApp.openById": guess(500, "assumption: opening another file"),
  "FormApp.create": guess(1500, "assumption: creating a Drive file"),
  "FormApp.*": guess(100, RULE),
  "Form.*": guess(200, RULE),
  "FormResponse.*": guess(50, NONE),
  "ItemResponse.*": guess(0, LOCAL),
  "TextValidationBuilder.*": guess(0, LOCAL),
  "service:FormApp": guess(100, RULE),
  // --- PropertiesService ---
  "Properties.getProperty": pub(30, `${PERALTA}: get ≈ 30 ms`),
  "Properties.setProperty": pub(62, `${PERALTA}: set ≈ 62 ms`),
  "Properties.getProperties": guess(30, "assumption: as getProperty"),
  "Properties.getKeys": guess(30, "assumption: as getProperty"),
  "Properties.setProperties": guess(62, "assumption: as setProperty"),
  "Properties.deleteProperty": guess(62, "assumption: as setProperty"),
  "Properties.deleteAllProperties": guess(62, "assumption: as setProperty"),
  "PropertiesService.*": guess(1, LOCAL),
  // --- CacheService ---
  "Cache.get": pub(3, `${PERALTA}: get ≈ 3 ms`),
  "Cache.put": pub(93, `${PERALTA}: put ≈ 93 ms`),
  "Cache.getAll": guess(3, "assumption: as get"),
  "Cache.putAll": guess(93, "assumption: as put"),
  "Cache.remove": guess(93, "assumption: as put"),
  "Cache.removeAll": guess(93, "assumption: as put"),
  "CacheService.*": guess(1, LOCAL),
  // --- Mail ---
  "MailApp.sendEmail": pub(1200, MAIL_FAQ),
  "GmailApp.sendEmail": guess(1200, `assumption: as MailApp.sendEmail (${MAIL_FAQ})`),
  "MailApp.getRemainingDailyQuota": guess(30, NONE),
  "service:MailApp": guess(100, RULE),
  "service:GmailApp": guess(100, RULE),
  // --- Drive ---
  "DriveApp.getFileById": guess(300, NONE),
  "DriveApp.getFolderById": guess(300, NONE),
  "DriveApp.createFile": guess(1000, NONE),
  "DriveApp.createFolder": guess(800, NONE),
  "DriveApp.*": guess(200, RULE),
  "File.makeCopy": guess(1500, NONE),
  "File.getAs": guess(2000, "assumption: a conversion (PDF export)"),
  "File.getBlob": guess(500, NONE),
  "File.getId": guess(1, LOCAL),
  "File.getName": guess(1, LOCAL),
  "File.getUrl": guess(1, LOCAL),
  "File.getMimeType": guess(1, LOCAL),
  "File.*": guess(100, RULE),
  "Folder.createFile": guess(1000, NONE),
  "Folder.getId": guess(1, LOCAL),
  "Folder.*": guess(100, RULE),
  "FileIterator.*": guess(20, NONE),
  "FolderIterator.*": guess(20, NONE),
  "Drive.Files.remove": guess(400, NONE),
  "Drive.Files.get": guess(300, NONE),
  "Drive.Files.create": guess(800, "assumption: as DriveApp.createFolder"),
  "Drive.Files.copy": guess(1500, "assumption: as File.makeCopy"),
  "Drive.Files.list": guess(300, NONE),
  "Drive.Permissions.list": guess(300, NONE),
  "Drive.Permissions.create": guess(400, NONE),
  "Drive.Permissions.remove": guess(400, NONE),
  "Drive.Revisions.list": guess(300, NONE),
  "service:Drive": guess(300, NONE),
  // --- DocumentApp ---
  "DocumentApp.openById": guess(1000, NONE),
  "DocumentApp.create": guess(1500, NONE),
  "DocumentApp.*": guess(50, NONE),
  "Document.saveAndClose": guess(800, NONE),
  "Document.getAs": guess(2000, "assumption: a conversion (PDF export)"),
  "Document.getId": guess(1, LOCAL),
  "Document.getBody": guess(10, NONE),
  "Document.*": guess(50, NONE),
  "Body.replaceText": guess(100, NONE),
  "Body.*": guess(50, NONE),
  "service:DocumentApp": guess(20, "assumption: edits are batched until saveAndClose"),
  // --- Docs advanced service (Docs API v1) ---
  "Docs.Documents.get": guess(
    1000,
    "assumption: no published figure; loads the whole document as DocumentApp.openById does",
  ),
  "Docs.Documents.batchUpdate": guess(
    800,
    "assumption: no published figure; the server applies the edits and saves them, as Document.saveAndClose",
  ),
  "Docs.Documents.create": guess(1500, "assumption: as DocumentApp.create"),
  "service:Docs": guess(300, NONE),
  // --- Admin SDK Directory ---
  "AdminDirectory.Users.insert": guess(800, NONE),
  "AdminDirectory.Users.get": guess(300, NONE),
  "AdminDirectory.Users.list": guess(500, NONE),
  "AdminDirectory.Users.update": guess(500, NONE),
  "AdminDirectory.Users.patch": guess(500, NONE),
  "service:AdminDirectory": guess(400, NONE),
  // --- Utilities, Blob, HtmlService ---
  "Utilities.sleep": guess(0, "the sleep itself moves the execution's clock"),
  "Utilities.*": guess(1, "assumption: computed in the Apps Script server process"),
  "Blob.*": guess(0, LOCAL),
  "HtmlService.createTemplate": guess(5, NONE),
  "HtmlService.createHtmlOutput": guess(5, NONE),
  "HtmlService.*": guess(5, NONE),
  "HtmlTemplate.evaluate": guess(20, NONE),
  "HtmlTemplate.*": guess(1, LOCAL),
  "HtmlOutput.*": guess(1, LOCAL),
  // --- LockService ---
  "LockService.getScriptLock": guess(20, NONE),
  "LockService.getDocumentLock": guess(20, NONE),
  "LockService.getUserLock": guess(20, NONE),
  "Lock.waitLock": guess(50, "assumption: the call itself, without the time spent waiting"),
  "Lock.tryLock": guess(50, "assumption: the call itself, without the time spent waiting"),
  "Lock.releaseLock": guess(30, NONE),
  "Lock.hasLock": guess(0, LOCAL),
  // --- ScriptApp, Session, Logger ---
  "ScriptApp.getProjectTriggers": guess(200, RULE),
  "ScriptApp.getUserTriggers": guess(200, RULE),
  "ScriptApp.deleteTrigger": guess(300, RULE),
  "ScriptApp.getOAuthToken": guess(10, NONE),
  "ScriptApp.*": guess(0, LOCAL),
  "TriggerBuilder.*": guess(0, LOCAL),
  "SpreadsheetTriggerBuilder.create": guess(400, RULE),
  "SpreadsheetTriggerBuilder.*": guess(0, LOCAL),
  "FormTriggerBuilder.create": guess(400, RULE),
  "FormTriggerBuilder.*": guess(0, LOCAL),
  "ClockTriggerBuilder.create": guess(400, RULE),
  "ClockTriggerBuilder.*": guess(0, LOCAL),
  "Trigger.*": guess(0, LOCAL),
  "Session.*": guess(10, NONE),
  "User.*": guess(0, LOCAL),
  "Logger.*": guess(1, NONE),
  // --- everything else ---
  "*": guess(100, RULE),
};

/**
 * The per-cell part of the model: a call that moves cells costs its entry above plus the cells at
 * these rates (a Range getter or setter: the range's cells; appendRow: the row's cells; a
 * TextFinder search: the cells of its scope up to the last row and column with content).
 */
interface CellRate {
  ms: number;
  kind: "documented" | "reported" | "chosen";
  source: string;
}

export const CELL_RATES: Readonly<Record<"read" | "written" | "scanned", CellRate>> = {
  read: {
    ms: 0.01,
    kind: "reported",
    source: `${BOOK}: a 1,000-cell getValues ≈ 167 ms against 159 ms for one cell: ≈ 0.008 ms per cell, rounded up`,
  },
  written: {
    ms: 0.1,
    kind: "documented",
    source: `${BEST_PRACTICES}: one setBackgrounds of 10,000 cells ≈ 1 s ≈ 0.1 ms per cell (the book's batched write would give ≈ 0.008: the less convenient figure is kept; a Sheets API updateCells of 10,000 cells is reported at ≈ 3 s, qiita.com/howdy39)`,
  },
  scanned: {
    ms: 0.005,
    kind: "chosen",
    source:
      "no published figure: a server-side search reads the cells without sending them, half the read rate",
  },
};

/**
 * The script's own time, charged on the execution's clock besides its calls (not in the calls'
 * tallies): Apps Script loads the whole project for every execution, and the script handles every
 * cell it reads or writes.
 */
export const SCRIPT_COSTS: Readonly<Record<"parsePerKiB" | "cpuPerCell", CellRate>> = {
  parsePerKiB: {
    ms: 1,
    kind: "chosen",
    source:
      'no published figure for Apps Script: parse and compile at about 1 MB/s, the rate the V8 team reports for slow devices (v8.dev, "The cost of JavaScript in 2019"); a 398 KiB bundle ≈ 0.4 s per execution',
  },
  cpuPerCell: {
    ms: 0.002,
    kind: "chosen",
    source:
      "no published figure: a few microseconds of script work per cell read or written (a loop that looks at each value once)",
  },
};

/** The modelled latency of one call: its entry plus the cells it moves, rounded to the ms. */
export function callCost(
  key: string,
  cells: { read?: number; written?: number; scanned?: number } | null,
  overrides?: Readonly<Record<string, number>>,
): number {
  const { key: found, entry } = costEntry(key, overrides);
  if (!cells || (overrides && found in overrides)) return entry.ms;
  const perCell =
    (cells.read ?? 0) * CELL_RATES.read.ms +
    (cells.written ?? 0) * CELL_RATES.written.ms +
    (cells.scanned ?? 0) * CELL_RATES.scanned.ms;
  return Math.round(entry.ms + perCell);
}

/** The script's own time for the cells it handled in one call (not charged to the call). */
export function scriptCpuMs(cells: { read?: number; written?: number } | null): number {
  if (!cells) return 0;
  return ((cells.read ?? 0) + (cells.written ?? 0)) * SCRIPT_COSTS.cpuPerCell.ms;
}

/** The time Apps Script takes to load a bundle of `bytes` at the start of every execution. */
export function parseMs(bytes: number): number {
  return Math.round((bytes / 1024) * SCRIPT_COSTS.parsePerKiB.ms);
}

/** The Apps Script service a class belongs to, for the ledger's per-service totals. */
export function serviceOf(gasClass: string): string {
  const dot = gasClass.indexOf(".");
  if (dot > 0) return gasClass.slice(0, dot); // "AdminDirectory.Users" → AdminDirectory, "Drive.Files" → Drive
  const direct = CLASS_SERVICE[gasClass];
  if (direct) return direct;
  if (/Item$|^Form|ItemResponse$|^TextValidation|^ParagraphTextValidation|^CheckboxValidation/.test(gasClass))
    return "FormApp";
  if (/TriggerBuilder$/.test(gasClass)) return "ScriptApp";
  return gasClass;
}

const CLASS_SERVICE: Record<string, string> = {};
for (const [service, classes] of Object.entries({
  SpreadsheetApp: [
    "SpreadsheetApp",
    "Spreadsheet",
    "Sheet",
    "Range",
    "RangeList",
    "Protection",
    "DataValidation",
    "DataValidationBuilder",
    "TextFinder",
    "NamedRange",
    "EmbeddedChart",
    "EmbeddedChartBuilder",
    "ChartOptions",
    "ContainerInfo",
    "Ui",
    "Menu",
  ],
  DriveApp: ["DriveApp", "File", "Folder", "FileIterator", "FolderIterator"],
  DocumentApp: [
    "DocumentApp",
    "Document",
    "Body",
    "Paragraph",
    "Text",
    "Table",
    "TableRow",
    "TableCell",
    "HeaderSection",
    "FooterSection",
    "HorizontalRule",
    "ListItem",
    "RangeElement",
  ],
  PropertiesService: ["PropertiesService", "Properties"],
  CacheService: ["CacheService", "Cache"],
  LockService: ["LockService", "Lock"],
  ScriptApp: ["ScriptApp", "Trigger"],
  Session: ["Session"],
  Utilities: ["Utilities"],
  Base: ["Blob", "User", "Logger"],
  HtmlService: ["HtmlService", "HtmlTemplate", "HtmlOutput"],
  MailApp: ["MailApp"],
  GmailApp: ["GmailApp"],
})) {
  for (const c of classes) CLASS_SERVICE[c] = service;
}

/** The cost table entry that applies to a call, and the key it was found under. */
export function costEntry(
  key: string,
  overrides?: Readonly<Record<string, number>>,
): { key: string; entry: CostEntry } {
  const dot = key.lastIndexOf(".");
  const cls = dot > 0 ? key.slice(0, dot) : key;
  const method = dot > 0 ? key.slice(dot + 1) : "";
  // An assignment has its own entry or costs nothing: it never falls back to the class's methods.
  const candidates = method.endsWith("=") ? [key] : [key, `${cls}.*`, `service:${serviceOf(cls)}`, "*"];
  for (const k of candidates) {
    if (overrides && k in overrides) {
      return { key: k, entry: { ms: overrides[k]!, published: false, source: "override by the test" } };
    }
    const e = COSTS[k];
    if (e) return { key: k, entry: e };
  }
  return { key, entry: ASSIGNMENT };
}

const ASSIGNMENT: CostEntry = guess(0, "assumption: assigning a field of a script-side object");

/** Modelled latency of one call `Class.method`, in ms. */
export function costOf(key: string, overrides?: Readonly<Record<string, number>>): number {
  return costEntry(key, overrides).entry.ms;
}

/** The cost table as a Markdown table (for docs/EMULATOR-runtime.md). */
export function costTableMarkdown(): string {
  const lines = ["| call | ms | kind | source |", "|---|---:|---|---|"];
  for (const [k, e] of Object.entries(COSTS)) {
    lines.push(`| \`${k}\` | ${e.ms} | ${e.published ? "published" : "assumption"} | ${e.source} |`);
  }
  return lines.join("\n");
}

/** The per-cell rates and the script's own costs as a Markdown table (for docs/EMULATOR-runtime.md). */
export function rateTableMarkdown(): string {
  const lines = ["| what | ms | kind | source |", "|---|---:|---|---|"];
  for (const [k, r] of Object.entries(CELL_RATES))
    lines.push(`| per cell ${k} | ${r.ms} | ${r.kind} | ${r.source} |`);
  lines.push(
    `| bundle parse, per KiB, every execution | ${SCRIPT_COSTS.parsePerKiB.ms} | ${SCRIPT_COSTS.parsePerKiB.kind} | ${SCRIPT_COSTS.parsePerKiB.source} |`,
  );
  lines.push(
    `| script CPU, per cell read or written | ${SCRIPT_COSTS.cpuPerCell.ms} | ${SCRIPT_COSTS.cpuPerCell.kind} | ${SCRIPT_COSTS.cpuPerCell.source} |`,
  );
  return lines.join("\n");
}
