/**
 * A settings sheet was edited: the cached configuration is dropped and the settings read again at
 * once, so that an administrator who made a mistake hears of it now (in the office's language)
 * rather than at the next setup.
 */
import { t } from "../domain/text/index.js";
import { logError } from "../workspace/errors.js";
import { invalidateConfig, loadConfig } from "../workspace/settings.js";

export function settingsEdited(range: GoogleAppsScript.Spreadsheet.Range): { kind: "settings" } {
  invalidateConfig();
  const ss = range.getSheet().getParent();
  const loaded = loadConfig(ss);
  const lang = loaded.config.language;
  const errors = loaded.problems.filter((p) => p.level === "error");
  if (errors.length > 0) {
    const text = errors
      .slice(0, 3)
      .map((p) => {
        const at = { sheet: p.sheet, key: p.key, message: p.message };
        return p.row
          ? t(lang, "settings.problem_at_row", { ...at, row: p.row })
          : t(lang, "settings.problem_at", at);
      })
      .join(" \u2022 ");
    const more = errors.length > 3 ? ` ${t(lang, "settings.edit.more", { count: errors.length - 3 })}` : "";
    const logged = t(lang, "settings.edit.logged", { problems: `${text}${more}` });
    // The note on the edited cell is the message that stays (a toast from a trigger may reach
    // only the trigger's owner); the error log keeps it too.
    range.setNote(logged);
    ss.toast(`${text}${more}`, t(lang, "settings.edit.title"), 30);
    logError(ss, "onRegisterEdit", "", logged);
  } else if (range.getNumRows() === 1 && range.getNumColumns() === 1) {
    // A problem this cell had is solved: its note from the program goes (an administrator's own stays).
    const note = range.getNote();
    const ours = ["id", "en"].some((l) =>
      note.startsWith(t(l as typeof lang, "settings.edit.logged", { problems: "" })),
    );
    if (ours) range.clearNote();
  }
  return { kind: "settings" };
}
