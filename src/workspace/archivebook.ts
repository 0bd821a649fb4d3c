/**
 * The archives' book in Script Properties (which only the service account reaches): every yearly
 * archive spreadsheet and every archived log segment with the number and hash of its last entry,
 * the anchor the next segment starts from (workspace/archive.ts, flows/archive.ts).
 */
import { PROP } from "../domain/keys.js";
import type { LogSegment } from "../domain/archive.js";

export const ARCHIVE_BOOK_KEY = PROP.archives;
/** Register rows the archive removed lately (edit.ts maps an edit made before the removal). */
export const MOVED_ROWS_KEY = PROP.registerMoved;
/** How long a removal is remembered for the edits made before it. */
export const MOVED_ROWS_MS = 15 * 60_000;

export interface ArchiveFile {
  year: number;
  id: string;
  /** Requests moved into it. */
  requests: number;
  /** Retention in the archive: when its next personal data fall due (0: look now; absent: nothing left). */
  eraseAtMs?: number;
}

export interface ArchiveBook {
  /** The key ("yyyy-MM") of the last monthly run ("" : none). */
  lastRun: string;
  files: ArchiveFile[];
  /** Archived log segments, oldest first, one per archive file (a month's cut extends its year's);
   *  the live log continues from the last one's tail. */
  segments: LogSegment[];
}

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

export function readBook(raw: string | null = props().getProperty(PROP.archives)): ArchiveBook {
  if (!raw) return { lastRun: "", files: [], segments: [] };
  try {
    const b = JSON.parse(raw) as ArchiveBook;
    // The run under way (flows/archive.ts) is kept as it is.
    return { ...b, lastRun: String(b.lastRun ?? ""), files: b.files ?? [], segments: b.segments ?? [] };
  } catch {
    return { lastRun: "", files: [], segments: [] };
  }
}

export function writeBook(book: ArchiveBook): void {
  props().setProperty(PROP.archives, JSON.stringify(book));
}
