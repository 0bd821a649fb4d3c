/**
 * What a simple trigger (authMode LIMITED) may not call. Simple triggers run without the user's
 * authorization: they may work with the spreadsheet they are bound to, but every service that
 * needs an OAuth scope fails with "You do not have permission to call X. Required permissions: …".
 * Returns the scope the call needs, or null when the call is allowed.
 */
const SCOPES = {
  mail: "https://www.googleapis.com/auth/script.send_mail",
  gmail: "https://mail.google.com/",
  drive: "https://www.googleapis.com/auth/drive",
  docs: "https://www.googleapis.com/auth/documents",
  sheets: "https://www.googleapis.com/auth/spreadsheets",
  forms: "https://www.googleapis.com/auth/forms",
  directory: "https://www.googleapis.com/auth/admin.directory.user",
  scriptapp: "https://www.googleapis.com/auth/script.scriptapp",
};

export function requiredScope(gasClass: string, method: string): string | null {
  if (gasClass.startsWith("AdminDirectory")) return SCOPES.directory;
  if (gasClass.startsWith("Drive.")) return SCOPES.drive;
  if (gasClass.startsWith("Docs.")) return SCOPES.docs;
  switch (gasClass) {
    case "MailApp":
      return method === "getRemainingDailyQuota" ? null : SCOPES.mail;
    case "GmailApp":
      return SCOPES.gmail;
    case "DriveApp":
      return SCOPES.drive;
    case "DocumentApp":
      return SCOPES.docs;
    case "SpreadsheetApp":
      return ["openById", "openByUrl", "create", "open"].includes(method) ? SCOPES.sheets : null;
    case "FormApp":
      return ["openById", "openByUrl", "create"].includes(method) ? SCOPES.forms : null;
    case "ScriptApp":
      return [
        "newTrigger",
        "getProjectTriggers",
        "getUserTriggers",
        "deleteTrigger",
        "getOAuthToken",
      ].includes(method)
        ? SCOPES.scriptapp
        : null;
    default:
      return null;
  }
}

const AUTH = "https://www.googleapis.com/auth/";
const s = (...names: string[]): string[] => names.map((n) => AUTH + n);

/** Drive v3 methods that only read (more scopes accept them: drive.readonly, the metadata scopes). */
const DRIVE_V3_READS = new Set(["get", "list", "export"]);
/** DriveApp methods that only read (documented: they accept drive.readonly too). */
const DRIVEAPP_READ = /^(get|continue|search)/;

/**
 * The scopes any one of which lets a project with explicit `oauthScopes` make this call (from each
 * method's "Authorization" section in Google's reference), or null when the emulator does not
 * check it (methods without a scope, and objects reached through a checked entry point: a Range
 * comes from SpreadsheetApp.openById, which was checked). Documented: DriveApp needs `drive` (or
 * `drive.readonly` to read) whatever file it touches; it has no per-file scope. The Drive advanced
 * service accepts `drive.file`, under which it sees only the files this project created
 * (services/drive.ts). DocumentApp.openById and create need `documents`; SpreadsheetApp.openById
 * needs `spreadsheets`; FormApp.openById and create need `forms`.
 */
function acceptedScopes(gasClass: string, method: string): string[] | null {
  if (gasClass === "Drive.Files" || gasClass === "Drive.Permissions" || gasClass === "Drive.Revisions")
    return DRIVE_V3_READS.has(method)
      ? s("drive", "drive.file", "drive.readonly", "drive.metadata", "drive.metadata.readonly")
      : s("drive", "drive.file");
  // Docs API v1 (documented per method): get also accepts the read-only scopes.
  if (gasClass === "Docs.Documents")
    return method === "get"
      ? s("documents", "documents.readonly", "drive", "drive.file", "drive.readonly")
      : s("documents", "drive", "drive.file");
  if (gasClass === "AdminDirectory.Users" || gasClass === "AdminDirectory.Users.Aliases")
    return ["get", "list"].includes(method)
      ? s("admin.directory.user", "admin.directory.user.readonly")
      : s("admin.directory.user");
  if (gasClass === "AdminDirectory.Groups")
    return ["get", "list"].includes(method)
      ? s("admin.directory.group", "admin.directory.group.readonly")
      : s("admin.directory.group");
  if (gasClass === "AdminDirectory.Members")
    return ["get", "list", "hasMember"].includes(method)
      ? s(
          "admin.directory.group",
          "admin.directory.group.readonly",
          "admin.directory.group.member",
          "admin.directory.group.member.readonly",
        )
      : s("admin.directory.group", "admin.directory.group.member");
  if (gasClass === "AdminDirectory.Orgunits")
    return ["get", "list"].includes(method)
      ? s("admin.directory.orgunit", "admin.directory.orgunit.readonly")
      : s("admin.directory.orgunit");
  if (gasClass === "AdminDirectory.RoleAssignments" || gasClass === "AdminDirectory.Roles")
    return ["get", "list"].includes(method)
      ? s("admin.directory.rolemanagement", "admin.directory.rolemanagement.readonly")
      : s("admin.directory.rolemanagement");
  switch (gasClass) {
    case "DriveApp":
      return DRIVEAPP_READ.test(method) ? s("drive.readonly", "drive") : s("drive");
    case "DocumentApp":
      if (method === "getActiveDocument") return s("documents.currentonly", "documents");
      return ["create", "openById", "openByUrl"].includes(method) ? s("documents") : null;
    case "SpreadsheetApp":
      if (["getActiveSpreadsheet", "getActive"].includes(method))
        return s("spreadsheets.currentonly", "spreadsheets");
      return ["openById", "openByUrl", "create", "open"].includes(method) ? s("spreadsheets") : null;
    case "FormApp":
      if (method === "getActiveForm") return s("forms.currentonly", "forms");
      return ["openById", "openByUrl", "create"].includes(method) ? s("forms") : null;
    case "MailApp":
      return method === "sendEmail" ? s("script.send_mail") : null;
    case "GmailApp":
      return ["https://mail.google.com/"];
    case "ScriptApp":
      return ["newTrigger", "getProjectTriggers", "getUserTriggers", "deleteTrigger"].includes(method)
        ? s("script.scriptapp")
        : null;
    case "Session":
      return ["getActiveUser", "getEffectiveUser"].includes(method) ? s("userinfo.email") : null;
    default:
      return null;
  }
}

/**
 * Whether a project with these explicit scopes may make the call; when not, the message Apps Script
 * gives (reported: "You do not have permission to call DriveApp.getFileById. Required permissions:
 * (https://www.googleapis.com/auth/drive.readonly || https://www.googleapis.com/auth/drive)").
 */
export function missingScopeMessage(
  granted: readonly string[],
  gasClass: string,
  method: string,
): string | null {
  const accepted = acceptedScopes(gasClass, method);
  if (!accepted || accepted.some((a) => granted.includes(a))) return null;
  const need = accepted.length === 1 ? accepted[0]! : `(${accepted.join(" || ")})`;
  return `You do not have permission to call ${gasClass}.${method}. Required permissions: ${need}`;
}
