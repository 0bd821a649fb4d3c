/** SpreadsheetApp.getUi(): menus are recorded; alert/prompt answer from a queue of replies. */
import { GasObject, serviceError } from "../../core.js";
import type { MenuEntry, MenuRecord, SheetsState } from "./state.js";
import type { Api } from "./types.js";

const Button = { CLOSE: "CLOSE", OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO" } as const;
const ButtonSet = {
  OK: "OK",
  OK_CANCEL: "OK_CANCEL",
  YES_NO: "YES_NO",
  YES_NO_CANCEL: "YES_NO_CANCEL",
} as const;

export class Ui
  extends GasObject
  implements Api<GoogleAppsScript.Base.Ui, "createMenu" | "alert" | "prompt">
{
  readonly gasClass = "Ui";
  constructor(
    private readonly st: SheetsState,
    private readonly spreadsheetId: string,
  ) {
    super();
  }
  override gasProps(): Record<string, unknown> {
    return { Button: { ...Button }, ButtonSet: { ...ButtonSet } };
  }
  private _user(): string {
    const ctx = this.st.ws.current;
    return ctx ? ctx.activeUser || ctx.effectiveUser : this.st.ws.owner.email;
  }
  createMenu(caption: string): Menu {
    return new Menu(this.st, this.spreadsheetId, this._user(), { caption: String(caption), items: [] });
  }
  /** Records the message; the reply is the next queued one (default OK). */
  alert(a: string, b?: string | number, _c?: string | number): string {
    const text = typeof b === "string" && !(b in ButtonSet) ? `${a}\n${b}` : String(a);
    this._record("alert", text);
    return this.st.uiReplies.shift()?.button ?? "OK";
  }
  prompt(a: string, b?: string | number, _c?: string | number): PromptResponse {
    const text = typeof b === "string" && !(b in ButtonSet) ? `${a}\n${b}` : String(a);
    this._record("prompt", text);
    const reply = this.st.uiReplies.shift();
    return new PromptResponse(reply?.button ?? "OK", reply?.text ?? "");
  }
  private _record(kind: "alert" | "prompt", text: string): void {
    this.st.ui.push({
      spreadsheetId: this.spreadsheetId,
      user: this._user(),
      kind,
      text,
      atMs: this.st.ws.now(),
    });
  }
}

class PromptResponse
  extends GasObject
  implements Api<GoogleAppsScript.Base.PromptResponse, "getResponseText" | "getSelectedButton">
{
  readonly gasClass = "PromptResponse";
  constructor(
    private readonly button: string,
    private readonly text: string,
  ) {
    super();
  }
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): string {
    return this.button;
  }
}

export class Menu
  extends GasObject
  implements Api<GoogleAppsScript.Base.Menu, "addItem" | "addSeparator" | "addSubMenu" | "addToUi">
{
  readonly gasClass = "Menu";
  constructor(
    private readonly st: SheetsState,
    private readonly spreadsheetId: string,
    private readonly _user: string,
    readonly _record: MenuRecord,
  ) {
    super();
  }
  addItem(caption: string, functionName: string): this {
    this._record.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): this {
    this._record.items.push({ caption: "", separator: true });
    return this;
  }
  addSubMenu(menu: GasObject): this {
    if (!(menu instanceof Menu)) throw serviceError("Expected a Menu.");
    const entry: MenuEntry = { caption: menu._record.caption, submenu: menu._record };
    this._record.items.push(entry);
    return this;
  }
  addToUi(): void {
    this.st.ui.push({
      spreadsheetId: this.spreadsheetId,
      user: this._user,
      kind: "menu",
      menu: structuredClone(this._record),
      atMs: this.st.ws.now(),
    });
  }
}
