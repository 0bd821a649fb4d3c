/**
 * The Google APIs the doctor reads, through the `googleapis` package. Every call the doctor makes
 * is a read (get / list), except `scripts.run` of the bundle's read-only diagnostic entry point.
 * `rootUrl` points every API at one host: Google's own hosts when absent, a loopback stand-in in
 * the tests.
 */
import {
  google,
  type Auth as GoogleAuth,
  type admin_directory_v1,
  type docs_v1,
  type drive_v3,
  type forms_v1,
  type script_v1,
  type sheets_v4,
} from "googleapis";

/** An OAuth client the APIs accept (a user's OAuth2 client, or a JWT client from a key file). */
export type Auth = GoogleAuth.OAuth2Client;

export interface Apis {
  directory: admin_directory_v1.Admin;
  drive: drive_v3.Drive;
  sheets: sheets_v4.Sheets;
  forms: forms_v1.Forms;
  docs: docs_v1.Docs;
  script: script_v1.Script;
}

export function apis(auth: Auth, rootUrl?: string): Apis {
  const common = rootUrl ? { auth, rootUrl } : { auth };
  return {
    directory: google.admin({ version: "directory_v1", ...common }),
    drive: google.drive({ version: "v3", ...common }),
    sheets: google.sheets({ version: "v4", ...common }),
    forms: google.forms({ version: "v1", ...common }),
    docs: google.docs({ version: "v1", ...common }),
    script: google.script({ version: "v1", ...common }),
  };
}

/** A failed call as the server described it: HTTP status, reason code, message. */
export interface ApiFailure {
  status: number;
  /** The first `errors[].reason` (Admin SDK, Drive) or the `error.status` (newer APIs). */
  reason: string;
  message: string;
}

interface ErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    errors?: { reason?: string; message?: string }[];
  };
}

/**
 * The server's own status and reason of a failed call. Recognised by status and reason code,
 * never by the wording of the message (it may be localised). `status` 0: no answer at all.
 */
export function failureOf(e: unknown): ApiFailure {
  const err = e as {
    status?: number;
    code?: unknown;
    message?: string;
    response?: { status?: number; data?: unknown };
  };
  const data = (err.response?.data ?? {}) as ErrorBody;
  const status =
    err.response?.status ?? err.status ?? (typeof data.error?.code === "number" ? data.error.code : 0);
  const reason = data.error?.errors?.[0]?.reason ?? data.error?.status ?? "";
  const message = data.error?.message ?? err.message ?? String(e);
  return { status: Number(status) || 0, reason, message };
}

/** Runs a read; a failure is returned, not thrown. */
export async function attempt<T>(
  call: () => Promise<{ data: T }>,
): Promise<{ ok: true; data: T } | { ok: false; failure: ApiFailure }> {
  try {
    const r = await call();
    return { ok: true, data: r.data };
  } catch (e) {
    return { ok: false, failure: failureOf(e) };
  }
}

/** The read-only scopes the doctor asks for (besides the project's own, for scripts.run). */
export const DOCTOR_SCOPES: readonly string[] = [
  "https://www.googleapis.com/auth/admin.directory.domain.readonly",
  "https://www.googleapis.com/auth/admin.directory.user.readonly",
  "https://www.googleapis.com/auth/admin.directory.group.readonly",
  "https://www.googleapis.com/auth/admin.directory.orgunit.readonly",
  "https://www.googleapis.com/auth/admin.directory.rolemanagement.readonly",
  "https://www.googleapis.com/auth/forms.body.readonly",
  "https://www.googleapis.com/auth/spreadsheets.readonly",
  "https://www.googleapis.com/auth/drive.metadata.readonly",
  "https://www.googleapis.com/auth/documents.readonly",
  "https://www.googleapis.com/auth/script.projects.readonly",
];
