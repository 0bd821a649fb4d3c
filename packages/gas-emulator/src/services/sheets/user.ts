/** The `User` objects Sheets returns (editors, owners, the user of an edit event). */
import { GasObject } from "../../core.js";
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
