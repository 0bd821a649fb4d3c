/** Who is at the keyboard: the account whose edit or call this execution serves ("" when hidden). */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail();
}
