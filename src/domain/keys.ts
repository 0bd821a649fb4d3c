/**
 * Every key the product stores data under outside the sheets: Script Properties, the
 * script cache, and the key builders of per-month / per-ticket entries. One list, so that a key is
 * never spelled twice and `doctor`/support can see everything the program keeps.
 *
 * The STORED STRINGS are those deployed offices already hold: never change a value here (an
 * office would lose its counters, its log anchor or its form link). Only the names in code are
 * unified. The values keep their three historical styles ("surel:camelCase", "ticket.counter.",
 * "letter_serial_", "status:…") for that reason.
 */

/** Script Properties (PropertiesService.getScriptProperties()). */
export const PROP = {
  /** The register spreadsheet this installation belongs to (setup). */
  registerId: "surel:registerId",
  /** The account that installed (setup): the only one whose triggers count. */
  installer: "surel:installer",
  /** The new-account form's id, and its published URL as {id, url} JSON. */
  formId: "surel:formId",
  formUrl: "surel:formUrl",
  /** The account services form's id. */
  servicesFormId: "surel:servicesFormId",
  /** The day ("yyyy-MM-dd") the sweep last checked the forms. */
  formCheckDay: "surel:formCheckDay",
  /** "1" once every register row carries its duplicate keys. */
  dupIndex: "surel:dupIndex",
  /** The sweep's work mark (epoch ms) and its last full pass summary (JSON). */
  workAt: "surel:workAt",
  sweepSummary: "surel:sweepSummary",
  /** The day the retention pass last finished. */
  retentionDay: "surel:retentionDay",
  /** The licence snapshot (JSON) and the day it was last taken. */
  licences: "surel:licences",
  licencesDay: "surel:licencesDay",
  /** The day the unused-account pass last ran. */
  unusedDay: "surel:unusedDay",
  /** Bulk imports still to be read (JSON). */
  batchImports: "surel:batchImports",
  /** The provisioning workers' record. */
  provisionWorkers: "surel:provisionWorkers",
  /** The yearly archives (JSON) and the rows moved out of the register. */
  archives: "surel:archives",
  registerMoved: "surel:registerMoved",
  /** The secret the status page's records are keyed with. */
  statusKey: "surel:statusKey",
  /** The disposition log's anchor, alarm, daily publication and verification state. */
  logHead: "surel:logHead",
  logAlarm: "surel:logAlarm",
  logHeadPublished: "surel:logHeadPublished",
  logVerified: "surel:logVerified",
  logFullPass: "surel:logFullPass",
  /** The mail queue's drain leases (JSON). */
  mailDrainLeases: "surel:mailDrainLeases",
  /** The credential letter and reset letter templates, the letter archive and work folders. */
  letterTemplateId: "surel:letterTemplateId",
  resetTemplateId: "surel:resetTemplateId",
  letterArchiveFolderId: "surel:letterArchiveFolderId",
  letterWorkFolderId: "surel:letterWorkFolderId",
} as const;

export type PropKey = (typeof PROP)[keyof typeof PROP];

/** Prefixes of Script Properties kept per ticket or per note. */
export const PROP_PREFIX = {
  /** A pending group join: `surel:join:<ticket>` → JSON. */
  join: "surel:join:",
  /** Who wrote an action note: `surel:noteBy:<id>` → JSON. */
  noteBy: "surel:noteBy:",
} as const;

/** The Script Property of a pending group join. */
export function joinKey(ticket: string): string {
  return `${PROP_PREFIX.join}${ticket}`;
}

/** The Script Property of who wrote a note. */
export function noteByKey(id: string): string {
  return `${PROP_PREFIX.noteBy}${id}`;
}

/** The ticket serial counter of a month (serials restart every month). */
export function ticketCounterKey(yyMM: string): string {
  return `ticket.counter.${yyMM}`;
}

/** The complaint serial counter of a month. */
export function complaintCounterKey(yyMM: string): string {
  return `complaint.counter.${yyMM}`;
}

/** The bulk request serial counter of a month. */
export function batchCounterKey(period: string): string {
  return `surel:batchCounter:${period}`;
}

/** The letter serial counter of a year (serials restart every year). */
export function letterCounterKey(year: number): string {
  return `letter_serial_${year}`;
}

/** Script cache keys (CacheService.getScriptCache()). */
export const CACHE = {
  /** The office configuration as read from Pengaturan (JSON). */
  config: "surel:config",
  /** The status page's complaint filings counter. */
  complaintCount: "complaint:count",
  /** The status page's failed look-ups over all tickets. */
  statusFailAll: "status:fail:*",
} as const;

/** The status page's failed look-ups of one typed ticket (any text: an unknown ticket counts the same). */
export function statusFailKey(typedTicket: string): string {
  const s = String(typedTicket ?? "")
    .toUpperCase()
    .replace(/\s+/g, "")
    .slice(0, 40);
  return `status:fail:${s}`;
}

/** The status record's row hint of a ticket. */
export function statusRowKey(ticket: string): string {
  return `status:row:${ticket}`;
}

/** The refusals the guard counted in an hour (hours since the epoch). */
export function guardHourKey(hour: number): string {
  return `surel:guard:${hour}`;
}

/** The reconciliation flag last written for a ticket (at most 240 characters, the cache's limit is 250). */
export function flagKey(ticket: string): string {
  return `surel:flag:${ticket}`.slice(0, 240);
}
