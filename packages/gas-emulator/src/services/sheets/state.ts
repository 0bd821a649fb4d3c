/**
 * The Sheets slot of the workspace: the spreadsheets, the bound one, the toasts, menus and dialogs
 * shown, and the per-execution write buffer and hidden sheets (the models are in model.ts).
 */
import type { Workspace } from "../../workspace.js";
import { SheetModel, SpreadsheetModel } from "./model.js";

export interface ToastRecord {
  spreadsheetId: string;
  message: string;
  title: string;
  timeoutSeconds: number | null;
  /** The person who sees it: the execution's active user, or the owner for harness calls. */
  user: string;
  execution: number | null;
  atMs: number;
}

export interface MenuEntry {
  caption: string;
  functionName?: string;
  separator?: boolean;
  submenu?: MenuRecord;
}

export interface MenuRecord {
  caption: string;
  items: MenuEntry[];
}

interface UiRecord {
  spreadsheetId: string;
  user: string;
  kind: "menu" | "alert" | "prompt";
  menu?: MenuRecord;
  text?: string;
  atMs: number;
}

/** The Sheets slot of the workspace. */
export class SheetsState {
  readonly spreadsheets = new Map<string, SpreadsheetModel>();
  boundId: string | null = null;
  readonly toasts: ToastRecord[] = [];
  readonly ui: UiRecord[] = [];
  /** Replies to Ui.alert / Ui.prompt, consumed in order (default: OK / empty text). */
  readonly uiReplies: { button: string; text?: string }[] = [];
  /** Whether executions' cell writes are buffered until a read, flush() or the end (default true). */
  bufferWrites = true;
  private readonly pending = new Map<number, (() => void)[]>();
  private nextProtection = 1;
  /**
   * Responses tabs a form link added during an execution, not yet seen by that execution's open
   * spreadsheet (chosen, from reports that the tab `setDestination` creates is missing from
   * `getSheets()` in the same run): they appear after `SpreadsheetApp.flush()`.
   */
  private readonly unseen = new Map<number, Set<SheetModel>>();

  /** A sheet the calling execution does not see until it flushes. */
  hideUntilFlush(sheet: SheetModel): void {
    const ctx = this.ws.current;
    if (!ctx) return;
    let set = this.unseen.get(ctx.id);
    if (!set) this.unseen.set(ctx.id, (set = new Set()));
    set.add(sheet);
  }

  /** Whether the calling execution sees this sheet. */
  seen(sheet: SheetModel): boolean {
    const ctx = this.ws.current;
    return !ctx || !this.unseen.get(ctx.id)?.has(sheet);
  }

  /** SpreadsheetApp.flush(): the calling execution's writes applied and every new tab visible. */
  explicitFlush(): void {
    const ctx = this.ws.current;
    if (ctx) this.unseen.delete(ctx.id);
    this.sync();
  }

  constructor(readonly ws: Workspace) {}

  protectionId(): number {
    return this.nextProtection++;
  }

  /** Runs a cell write now (harness, or buffering off) or queues it for the calling execution. */
  write(op: () => void): void {
    const ctx = this.ws.current;
    if (!ctx || !this.bufferWrites) {
      op();
      return;
    }
    let q = this.pending.get(ctx.id);
    if (!q) {
      q = [];
      this.pending.set(ctx.id, q);
    }
    q.push(op);
  }

  /** Applies the calling execution's buffered writes (every read does this first). */
  sync(): void {
    const ctx = this.ws.current;
    if (ctx) this.flush(ctx.id);
  }

  flush(execution: number): void {
    const q = this.pending.get(execution);
    if (!q) return;
    this.pending.delete(execution);
    for (const op of q) op();
  }

  flushAll(): void {
    for (const id of [...this.pending.keys()]) this.flush(id);
  }

  pendingCount(execution?: number): number {
    if (execution !== undefined) return this.pending.get(execution)?.length ?? 0;
    let n = 0;
    for (const q of this.pending.values()) n += q.length;
    return n;
  }

  get(id: string): SpreadsheetModel | undefined {
    return this.spreadsheets.get(id);
  }

  toJSON(): unknown {
    return {
      boundId: this.boundId,
      spreadsheets: [...this.spreadsheets.values()].map((ss) => ({
        id: ss.id,
        name: ss.name,
        owner: ss.owner,
        linkAccess: `${ss.linkAccess}/${ss.linkPermission}`,
        editors: [...ss.editors],
        viewers: [...ss.viewers],
        sheets: ss.sheets.map((s) => ({
          id: s.id,
          name: s.name,
          maxRows: s.maxRows,
          maxCols: s.maxCols,
          lastRow: s.lastRow(),
          lastColumn: s.lastCol(),
          frozenRows: s.frozenRows,
          formUrl: s.formLink?.formUrl ?? null,
        })),
        protections: ss.protections
          .filter((p) => !p.removed)
          .map((p) => ({
            type: p.type,
            sheet: p.sheet.name,
            rect: p.rect,
            unprotected: p.unprotected,
            description: p.description,
            editors: [...ss.protectionEditors(p)],
            domainEdit: p.domainEdit,
            warningOnly: p.warningOnly,
          })),
      })),
      toasts: this.toasts,
      ui: this.ui,
    };
  }
}

export const SLOT = "sheets";

export function sheetsState(ws: Workspace): SheetsState {
  return ws.slot(SLOT, () => new SheetsState(ws));
}
