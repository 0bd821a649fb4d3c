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
