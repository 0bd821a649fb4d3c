/**
 * Directory errors, by class (never by Google's wording, which may be translated), the
 * message-catalogue key naming each class, and the backoff schedule of a Directory call.
 */

export type DirectoryFailure =
  | "not_authorized"
  | "rate_limited"
  | "unavailable"
  | "not_complete"
  | "member_exists"
  | "exists"
  | "not_found"
  | "invalid"
  | "other";

export interface ErrorFacts {
  /** HTTP status from the exception's details, when there is one. */
  code?: number;
  /** The first error reason (userRateLimitExceeded, rateLimitExceeded, …). */
  reason?: string;
  message: string;
}

const RATE_REASONS = ["userRateLimitExceeded", "rateLimitExceeded", "quotaExceeded", "dailyLimitExceeded"];

/** Reasons Google's Directory API gives in `errors[].reason` (Admin SDK "Error codes"). */
const REASON_CLASSES: Readonly<Record<string, DirectoryFailure>> = {
  notFound: "not_found",
  resourceNotFound: "not_found",
  duplicate: "exists",
  conflict: "exists",
  forbidden: "not_authorized",
  insufficientPermissions: "not_authorized",
  domainCannotUseApis: "not_authorized",
  conditionNotMet: "not_complete",
  invalid: "invalid",
  badRequest: "invalid",
  required: "invalid",
  backendError: "unavailable",
  internalError: "unavailable",
};

/**
 * The class of a Directory error: the server's reason first, then the HTTP code; the message
 * (which Google may translate for the user) only when the exception carries neither. `call` says
 * which call failed where one reason means two things: a 409 "duplicate" on members.insert is a
 * member already there, on users.insert an address already taken.
 */
export function classifyDirectoryError(e: ErrorFacts, call: "member" | "other" = "other"): DirectoryFailure {
  const byReason = e.reason ? reasonClass(e.reason) : undefined;
  const cls = byReason ?? (e.code !== undefined ? codeClass(e.code) : messageClass(e.message));
  return cls === "exists" && call === "member" ? "member_exists" : cls;
}

function reasonClass(reason: string): DirectoryFailure | undefined {
  if (RATE_REASONS.includes(reason)) return "rate_limited";
  return REASON_CLASSES[reason];
}

function codeClass(code: number): DirectoryFailure {
  if (code === 412) return "not_complete";
  if (code === 429) return "rate_limited";
  if (code === 403) return "not_authorized";
  if (code === 409) return "exists";
  if (code === 404) return "not_found";
  if (code === 400) return "invalid";
  if (code >= 500) return "unavailable";
  return "other";
}

/** Last resort, for an exception without code or reason: Google's English texts. */
function messageClass(m: string): DirectoryFailure {
  if (/User creation is not complete/i.test(m)) return "not_complete";
  if (/Not Authorized to access/i.test(m)) return "not_authorized";
  if (/Rate Limit Exceeded|rateLimitExceeded|quota/i.test(m)) return "rate_limited";
  if (/Member already exists/i.test(m)) return "member_exists";
  if (/Entity already exists/i.test(m)) return "exists";
  if (/Resource Not Found|not found/i.test(m)) return "not_found";
  if (/Service unavailable|Backend Error|Internal error/i.test(m)) return "unavailable";
  if (/Invalid (Input|Password|Given\/Family Name)|Domain not found/i.test(m)) return "invalid";
  return "other";
}

/** The message-catalogue key that names a failure class for an administrator. */
export function failureKey(
  f: DirectoryFailure,
):
  | "directory.failure.not_found"
  | "directory.failure.not_authorized"
  | "directory.failure.rate_limited"
  | "directory.failure.unavailable"
  | "directory.failure.invalid"
  | "directory.failure.other" {
  switch (f) {
    case "not_found":
    case "not_authorized":
    case "rate_limited":
    case "unavailable":
    case "invalid":
      return `directory.failure.${f}`;
    default:
      return "directory.failure.other";
  }
}

/** Waits before the 1st, 2nd, … retry (seconds), then give up (Admin SDK limits page). */
export const BACKOFF_SECONDS = [1, 2, 4, 8, 16] as const;
export const MAX_RETRIES = BACKOFF_SECONDS.length;

/** Up to one second of jitter from the random bits of a type-4 UUID (never Math.random). */
export function jitterMs(uuid: string): number {
  const hex = uuid.replace(/[^0-9a-f]/gi, "").slice(0, 8);
  if (hex.length < 8) return 0;
  return Math.floor((parseInt(hex, 16) / 0x1_0000_0000) * 1000);
}

/** The wait before retry number `retry` (0-based), jitter included. */
export function backoffMs(retry: number, uuid: string): number {
  const base = BACKOFF_SECONDS[Math.min(retry, BACKOFF_SECONDS.length - 1)]! * 1000;
  return base + jitterMs(uuid);
}
