/**
 * Emulated Google Docs (DocumentApp) with a real PDF export.
 *
 * A document is a tree: sections (body, optional header and footer) holding paragraphs and
 * tables; a paragraph holds inline children (Text runs, horizontal rules, page breaks); a Text run
 * keeps one style object per character (bold, italic, underline, size, family, colour, link).
 * Each document has two trees: `live`, which every open Document edits, and `committed`, what was
 * last saved. saveAndClose() (or the end of the execution, as Docs saves pending changes then)
 * commits: it snapshots the text as a new revision, visible through Drive.Revisions.list and
 * `documentRevisions()`. Exports (Document.getAs, File.getAs/getBlob) render the committed tree,
 * as in Apps Script, where a PDF taken before saveAndClose() still shows the old content.
 *
 * Element objects handed to the script are thin wrappers around tree nodes; they are created
 * afresh on every call, so they compare by node, never by wrapper identity.
 *
 * replaceText/findText: the pattern is a regular expression string in RE2 syntax, matched
 * independently against each Text run (never across paragraphs). The emulator uses a JavaScript
 * RegExp as a stand-in (plus RE2's leading `(?i)`/`(?s)`/`(?m)` flags and `\Q...\E`); the
 * replacement follows Java's Matcher rules (`$n` / `${name}` are group references, `\x` is a
 * literal x, any other `$` is an error) — see docs/EMULATOR-drive-docs-directory.md.
 */
import { registerDumper } from "../dump.js";
import type { Workspace } from "../workspace.js";
import { getDriveItem, MIME, registerGoogleType } from "./drive.js";
import {
  type DocRecord,
  docsState,
  newTree,
  cloneTree,
  treeText,
  record,
  commit,
  commitDocuments,
} from "./docs/model.js";
import { exportDocument, documentPdf, DocumentAppService } from "./docs/document.js";

// ---------------------------------------------------------------------------------------------
// Install

function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._ -]+/gu, "_").slice(0, 80) || "document";
}

export * from "./docs/model.js";
export * from "./docs/enums.js";
export * from "./docs/elements.js";
export * from "./docs/document.js";
export * from "./docs/render.js";

export function install(ws: Workspace): Record<string, unknown> {
  const state = docsState(ws);
  registerGoogleType(ws, MIME.document, {
    countsAsDocument: true,
    init(w, id, owner) {
      const tree = newTree();
      const rec: DocRecord = {
        id,
        live: tree,
        committed: cloneTree(tree),
        dirty: false,
        revisions: [],
        revisionCounter: 0,
      };
      state.docs.set(id, rec);
      commit(w, rec, owner);
    },
    copy(w, fromId, toId) {
      const src = record(w, fromId);
      const rec: DocRecord = {
        id: toId,
        live: cloneTree(src.committed),
        committed: cloneTree(src.committed),
        dirty: false,
        revisions: [],
        revisionCounter: 0,
      };
      state.docs.set(toId, rec);
      commit(w, rec, w.actor());
    },
    export(w, id, mimeType) {
      return mimeType === MIME.pdf ? exportDocument(w, id, mimeType) : null;
    },
    remove(_w, id) {
      state.docs.delete(id);
    },
    revisions(_w, id) {
      const rec = state.docs.get(id);
      return rec ? rec.revisions.map((r) => ({ id: r.id, modifiedMs: r.modifiedMs, user: r.user })) : [];
    },
  });
  ws.endHooks.push((ctx) => commitDocuments(ws, ctx.effectiveUser));
  // Dumps: the documents as JSON (text and revisions), plus each one's text and saved PDF.
  registerDumper("docs", (w) => {
    const st = docsState(w);
    const files: Record<string, string | Uint8Array> = {};
    for (const rec of st.docs.values()) {
      const base = `${safeName(getDriveItem(w, rec.id)?.name ?? "document")}-${rec.id}`;
      files[`${base}.txt`] = treeText(rec.live) + "\n";
      files[`${base}.pdf`] = documentPdf(w, rec.id);
    }
    return { json: st.toJSON(), files };
  });
  return { DocumentApp: new DocumentAppService(ws) };
}
