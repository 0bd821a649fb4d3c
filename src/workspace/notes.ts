/**
 * Who wrote a reason cell: a register row's action note, a complaint's response. Such a text is
 * logged and mailed as the acting official's words, but any editor of the spreadsheet can type in
 * those columns. Each edit of the cell journals its author and the text's digest (Script
 * Properties, out of the editors' reach); an action takes the text only when the acting official
 * wrote it as it stands.
 */
import type { Ctx } from "./context.js";
import { noteByKey } from "../domain/keys.js";

/** Records that `actor` wrote `value` into the reason cell of `id` (an empty cell forgets it). */
export function journalNoteAuthor(ctx: Ctx, id: string, actor: string, value: string): void {
  const props = PropertiesService.getScriptProperties();
  if (value.trim() === "") props.deleteProperty(noteByKey(id));
  else
    props.setProperty(noteByKey(id), JSON.stringify({ by: actor.toLowerCase(), digest: ctx.sha256(value) }));
}

/** Whether `actor` wrote the reason cell of `id` as it stands (an empty cell needs no author). */
export function noteIsOwn(ctx: Ctx, id: string, note: string, actor: string): { ok: boolean; by: string } {
  if (note.trim() === "") return { ok: true, by: "" };
  const raw = PropertiesService.getScriptProperties().getProperty(noteByKey(id));
  let by = "";
  let digest = "";
  try {
    const j = raw ? (JSON.parse(raw) as { by?: string; digest?: string }) : {};
    by = j.by ?? "";
    digest = j.digest ?? "";
  } catch {
    by = "";
  }
  return { ok: by !== "" && by === actor.toLowerCase() && digest === ctx.sha256(note), by };
}
