/**
 * The `User` objects Sheets and Forms return (editors, owners, the user of an edit event), and the
 * editor methods a spreadsheet and a form share (over the one permission model, sharing.ts).
 */
import { GasObject } from "../../core.js";
import { addEditor, editorsOf, type MemberSets } from "../sharing.js";
import type { Api } from "./types.js";

export class User extends GasObject implements Api<GoogleAppsScript.Base.User, "getEmail"> {
  readonly gasClass = "User";
  constructor(private readonly email: string) {
    super();
  }
  getEmail(): string {
    return this.email;
  }
  override toString(): string {
    return this.email;
  }
}

/** An e-mail address from a string or a User (methods such as addEditor accept both). */
export function emailOf(who: unknown): string {
  if (typeof who === "string") return who.trim().toLowerCase();
  if (who instanceof GasObject && typeof (who as { getEmail?: unknown }).getEmail === "function") {
    return String((who as unknown as { getEmail(): string }).getEmail()).toLowerCase();
  }
  throw new TypeError("Expected an e-mail address or a User");
}

/** getEditors / addEditor(s) / removeEditor of a spreadsheet or a form. */
export abstract class EditorsHolder extends GasObject {
  /** The named people the methods change. */
  protected abstract _members(): MemberSets;
  /** Throws unless the acting user may change the sharing. */
  protected abstract _guardSharing(): void;
  /** Throws unless the thing can be read (a spreadsheet since deleted cannot). */
  protected _readSharing(): void {}
  /** The owner first, then the editors. */
  getEditors(): User[] {
    this._readSharing();
    return editorsOf(this._members()).map((e) => new User(e));
  }
  addEditor(who: string | GasObject): this {
    this._guardSharing();
    addEditor(this._members(), emailOf(who));
    return this;
  }
  addEditors(emails: string[]): this {
    emails.forEach((e) => this.addEditor(e));
    return this;
  }
  removeEditor(who: string | GasObject): this {
    this._guardSharing();
    this._members().editors.delete(emailOf(who));
    return this;
  }
}
