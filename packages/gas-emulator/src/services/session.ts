/**
 * Session: who runs the script and where.
 *
 * `getEffectiveUser()` is whose authority the execution has (the trigger's installer for
 * installable triggers). `getActiveUser()` is the person at the keyboard; Apps Script hides it
 * ("") when policy does, which in practice means when the active user and the effective user are
 * in different domains (an installable trigger fired by someone outside the domain); within the
 * same domain it is visible. The harness acting directly is the script's owner.
 */
import { createHash } from "node:crypto";
import { GasObject } from "../core.js";
import type { Workspace } from "../workspace.js";
import { scriptId } from "./script.js";
import { User } from "./sheets/user.js";

/** Session.getActiveUser/getEffectiveUser give the same User object Sheets gives. */
export { User };

function domainOf(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).toLowerCase();
}

/** The active user's e-mail as the script sees it ("" where Apps Script hides it). */
function visibleActiveUser(ws: Workspace): string {
  const ctx = ws.current;
  if (!ctx) return ws.owner.email;
  const active = ctx.activeUser;
  if (!active) return "";
  if (active.toLowerCase() === ctx.effectiveUser.toLowerCase()) return active;
  return domainOf(active) === domainOf(ctx.effectiveUser) ? active : "";
}

export class SessionService
  extends GasObject
  implements
    Pick<
      GoogleAppsScript.Base.Session,
      "getScriptTimeZone" | "getActiveUserLocale" | "getTemporaryActiveUserKey"
    >
{
  readonly gasClass = "Session";
  constructor(private readonly ws: Workspace) {
    super();
  }
  getActiveUser(): User {
    return new User(visibleActiveUser(this.ws));
  }
  getEffectiveUser(): User {
    return new User(this.ws.current?.effectiveUser ?? this.ws.owner.email);
  }
  getScriptTimeZone(): string {
    return this.ws.scriptTimeZone;
  }
  /** One locale for everyone, the workspace's `userLocale` (a choice; Apps Script gives each user's UI language). */
  getActiveUserLocale(): string {
    return this.ws.userLocale;
  }
  /** A stable opaque key per (script, active user), as Apps Script gives one that rotates every 30 days. */
  getTemporaryActiveUserKey(): string {
    const who = visibleActiveUser(this.ws).toLowerCase();
    return createHash("sha256")
      .update(`${scriptId(this.ws)}:${who}`)
      .digest("base64")
      .replace(/=+$/, "");
  }
}

export function install(ws: Workspace): Record<string, unknown> {
  return { Session: new SessionService(ws) };
}
