/** The users.list `query` language (a documented subset). */
import { apiError } from "../../core.js";
import { type Json } from "./model.js";

// ---------------------------------------------------------------------------------------------
// users.list query language

type Clause = (u: Json) => boolean;

function tokens(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** ":" semantics: every word of the value is a word of the field; "x*" is a word prefix. */
function wordMatch(field: string, value: string): boolean {
  const v = value.toLowerCase();
  if (v.endsWith("*")) {
    const prefix = v.slice(0, -1);
    if (/[^\p{L}\p{N}]/u.test(prefix)) return field.toLowerCase().startsWith(prefix);
    return tokens(field).some((t) => t.startsWith(prefix));
  }
  const have = tokens(field);
  const want = tokens(v);
  return want.length > 0 && want.every((w) => have.includes(w));
}

function fieldValues(u: Json, field: string): string[] {
  const name = (u.name as Json | undefined) ?? {};
  const orgs = (u.organizations as Json[] | undefined) ?? [];
  switch (field) {
    case "email":
      return [String(u.primaryEmail), ...((u.aliases as string[] | undefined) ?? [])];
    case "givenname":
      return [String(name.givenName ?? "")];
    case "familyname":
      return [String(name.familyName ?? "")];
    case "name":
      return [`${String(name.givenName ?? "")} ${String(name.familyName ?? "")}`.trim()];
    case "externalid":
      return ((u.externalIds as Json[] | undefined) ?? []).map((e) => String(e.value ?? ""));
    case "orgname":
      return orgs.map((o) => String(o.name ?? ""));
    case "orgtitle":
      return orgs.map((o) => String(o.title ?? ""));
    case "orgdepartment":
      return orgs.map((o) => String(o.department ?? ""));
    case "orgunitpath":
      return [String(u.orgUnitPath ?? "/")];
    default:
      return [];
  }
}

const BOOLEAN_FIELDS: Record<string, string> = {
  isadmin: "isAdmin",
  isdelegatedadmin: "isDelegatedAdmin",
  issuspended: "suspended",
  isarchived: "archived",
  isenrolledin2sv: "isEnrolledIn2Sv",
  isenforcedin2sv: "isEnforcedIn2Sv",
};
const STRING_FIELDS: Record<string, ("=" | ":" | ":*")[]> = {
  email: ["=", ":", ":*"],
  givenname: ["=", ":", ":*"],
  familyname: ["=", ":", ":*"],
  name: ["=", ":"],
  externalid: ["=", ":"],
  orgname: ["=", ":"],
  orgtitle: ["=", ":"],
  orgdepartment: ["=", ":"],
  orgunitpath: ["="],
};

export function parseUserQuery(query: string): Clause[] {
  const method = "directory.users.list";
  const bad = (): never => {
    throw apiError(method, "Invalid Input", 400, "invalid");
  };
  const parts = query.match(/[^\s'"]*(?:'[^']*'|"[^"]*")[^\s]*|\S+/g) ?? [];
  return parts.map((part): Clause => {
    const m = /^([A-Za-z][A-Za-z0-9.]*)(=|:)(.*)$/.exec(part);
    const unquote = (v: string): string => v.replace(/^'([\s\S]*)'$|^"([\s\S]*)"$/, "$1$2");
    if (!m) {
      const word = unquote(part);
      return (u) =>
        ["email", "givenname", "familyname"].some((f) => fieldValues(u, f).some((v) => wordMatch(v, word)));
    }
    const field = m[1]!.toLowerCase();
    const op = m[2]!;
    const value = unquote(m[3]!);
    if (field in BOOLEAN_FIELDS) {
      if (op !== "=" || !/^(true|false)$/i.test(value)) bad();
      const key = BOOLEAN_FIELDS[field]!;
      const want = value.toLowerCase() === "true";
      return (u) => !!u[key] === want;
    }
    const ops = STRING_FIELDS[field];
    if (!ops) return bad();
    const kind = op === "=" ? "=" : value.endsWith("*") ? ":*" : ":";
    if (!ops.includes(kind)) bad();
    if (kind === "=")
      return (u) => fieldValues(u, field).some((v) => v.toLowerCase() === value.toLowerCase());
    return (u) => fieldValues(u, field).some((v) => wordMatch(v, value));
  });
}
