/** Who is at the keyboard: the account whose edit or call this execution serves ("" when hidden). */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail();
}

/** Who made an edit: the event's user, else the active user (an empty string when unknown). */
export function editorEmail(user: GoogleAppsScript.Base.User | undefined): string {
  return (user ? user.getEmail() : "") || activeUserEmail();
}
