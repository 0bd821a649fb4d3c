/**
 * The few Apps Script runtime facts a flow asks for that no other adapter covers: the mail quota
 * left today and a random UUID (the one source of randomness: never Math.random).
 */

/** MailApp's remaining daily quota (recipients the script may still mail today). */
export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/** A type-4 UUID from Utilities. */
export function uuid(): string {
  return Utilities.getUuid();
}
