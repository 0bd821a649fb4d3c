/**
 * The one permission model of every shareable thing: Drive files and folders, spreadsheets and
 * forms (before this module each service wrote its own, with slightly different rules).
 *
 * A thing has an owner, named editors, commenters and viewers, and a general access (who the link
 * or the domain reaches) with the role it grants. Documented (Drive's sharing): the owner and
 * editors may change it; commenters and viewers may read it; general access reaches anyone
 * ("ANYONE", "ANYONE_WITH_LINK", even an anonymous visitor), or everyone signed in to the owner's
 * domain ("DOMAIN", "DOMAIN_WITH_LINK"), with its role: "EDIT" lets them change it, "NONE" nothing,
 * any other role read it. The strictest of the three former readings is kept: e-mail addresses
 * compare trimmed and case-insensitively, an anonymous visitor ("") is never in a domain, and a
 * general role of "NONE" grants nothing. A form has no general access (its respondents use the
 * published URL, not the form itself). Drive's folders pass their sharing on to what they hold
 * (services/drive/model.ts walks the ancestors and asks this module for each).
 */

/** General access (DriveApp.Access names; the Sheets share dialog's link settings are two of them). */
export type GeneralAccess = "ANYONE" | "ANYONE_WITH_LINK" | "DOMAIN" | "DOMAIN_WITH_LINK" | "PRIVATE";
/** The role general access grants (DriveApp.Permission names). */
export type GeneralRole = "VIEW" | "EDIT" | "COMMENT" | "OWNER" | "ORGANIZER" | "NONE";

type Members = ReadonlySet<string> | readonly string[];

/** What the model needs of a shared thing (lists of lower-case addresses). */
export interface Shared {
  readonly owner: string;
  readonly editors: Members;
  readonly viewers?: Members;
  readonly commenters?: Members;
  /** Default "PRIVATE": only the named people. */
  readonly access?: GeneralAccess;
  readonly role?: GeneralRole;
}

/** An address as the model compares it. */
export function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The domain of an address ("" for an anonymous visitor). */
export function domainOf(email: string): string {
  return normalEmail(email).split("@")[1] ?? "";
}

function has(members: Members | undefined, e: string): boolean {
  if (!members) return false;
  return Array.isArray(members) ? members.includes(e) : (members as ReadonlySet<string>).has(e);
}

/** Whether the thing's general access reaches `email` (whatever role it grants). */
function generalAccessReaches(s: Shared, email: string): boolean {
  const access = s.access ?? "PRIVATE";
  if (access === "ANYONE" || access === "ANYONE_WITH_LINK") return true;
  if (access === "DOMAIN" || access === "DOMAIN_WITH_LINK") {
    const d = domainOf(email);
    return d !== "" && d === domainOf(s.owner);
  }
  return false;
}

/** Whether `email` may change the thing: its owner, an editor, or general access with "EDIT". */
export function mayEdit(s: Shared, email: string): boolean {
  const e = normalEmail(email);
  if (e !== "" && (e === normalEmail(s.owner) || has(s.editors, e))) return true;
  return s.role === "EDIT" && generalAccessReaches(s, e);
}

/** Whether `email` may see the thing: anyone who may edit it, a commenter or viewer, or general access. */
export function mayRead(s: Shared, email: string): boolean {
  const e = normalEmail(email);
  if (mayEdit(s, e)) return true;
  if (e !== "" && (has(s.viewers, e) || has(s.commenters, e))) return true;
  return (s.role ?? "NONE") !== "NONE" && generalAccessReaches(s, e);
}

/** The named people of a thing the script can share (a spreadsheet, a form: sets of addresses). */
export interface MemberSets {
  readonly owner: string;
  readonly editors: Set<string>;
  /** A form has none. */
  readonly viewers?: Set<string>;
}

/** The owner first, then the other editors (what `getEditors()` lists). */
export function editorsOf(m: MemberSets): string[] {
  return [m.owner, ...[...m.editors].filter((e) => e !== m.owner)];
}

/** Makes `email` an editor (a viewer becomes one; the owner already is). */
export function addEditor(m: MemberSets, email: string): void {
  m.viewers?.delete(email);
  if (email !== m.owner) m.editors.add(email);
}

/** Makes `email` a viewer unless they may already edit. */
export function addViewer(m: MemberSets, email: string): void {
  if (email !== m.owner && !m.editors.has(email)) m.viewers?.add(email);
}
