/** Who made an edit: the event's user, else the active user (an empty string when unknown). */
export function editorEmail(user: GoogleAppsScript.Base.User | undefined): string {
  return (user ? user.getEmail() : "") || Session.getActiveUser().getEmail();
}
