/**
 * How the doctor signs in, without ever printing a secret:
 *
 * - OAuth, the way clasp stores it: `~/.clasprc.json` (or `--clasprc FILE`), the credentials of
 *   clasp's user `default` (or `--user NAME`, as in `clasp --user NAME login`). clasp 3 keeps
 *   `{ tokens: { NAME: { client_id, client_secret, refresh_token, access_token, expiry_date } } }`;
 *   the older formats (`token` + `oauth2ClientSettings`, or a bare token) are read too.
 * - A key file (`--key FILE`): a Google Cloud service account's JSON key with domain-wide
 *   delegation, acting as `--subject USER` (Workspace APIs answer only for a user of the domain).
 *   The Apps Script API does not work with such accounts (Google's documentation), so the
 *   Apps Script checks then report that they could not be made.
 */
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { google } from "googleapis";
import type { Auth } from "./google.js";
import type { DoctorKey, DoctorParams } from "./text.js";

interface StoredCredential {
  client_id?: string;
  client_secret?: string;
  refresh_token?: string;
  access_token?: string;
  expiry_date?: number;
  token_type?: string;
}

interface ClaspRc {
  tokens?: Record<string, StoredCredential | undefined>;
  token?: StoredCredential;
  oauth2ClientSettings?: { clientId?: string; clientSecret?: string };
  access_token?: string;
  refresh_token?: string;
  expiry_date?: number;
}

/** Why credentials could not be loaded: a catalogue key and its parameters (never a secret). */
export class AuthError extends Error {
  constructor(
    readonly key: DoctorKey,
    readonly params: DoctorParams = {},
  ) {
    super(key);
    this.name = "AuthError";
  }
}

export function defaultClaspRcPath(): string {
  return join(homedir(), ".clasprc.json");
}

/** The stored credential of a clasp user from the text of a .clasprc.json. */
export function claspCredential(text: string, user = "default", path = ".clasprc.json"): StoredCredential {
  let rc: ClaspRc;
  try {
    rc = JSON.parse(text) as ClaspRc;
  } catch {
    throw new AuthError("doctor.auth.not_json", { path });
  }
  const modern = rc.tokens?.[user];
  if (modern) return modern;
  if (user === "default" && rc.token && rc.oauth2ClientSettings) {
    return {
      ...rc.token,
      client_id: rc.oauth2ClientSettings.clientId,
      client_secret: rc.oauth2ClientSettings.clientSecret,
    };
  }
  if (user === "default" && rc.access_token) {
    return { access_token: rc.access_token, refresh_token: rc.refresh_token, expiry_date: rc.expiry_date };
  }
  throw new AuthError("doctor.auth.no_user", { user });
}

/**
 * An OAuth2 client from clasp's stored credential. A credential of clasp 1 has no client id of its
 * own and cannot be refreshed here: log in again with a current clasp.
 */
export function oauthFromClasp(cred: StoredCredential, tokenUrl?: string): Auth {
  if (!cred.refresh_token && !cred.access_token) throw new AuthError("doctor.auth.no_token");
  if (!cred.client_id && !cred.access_token) throw new AuthError("doctor.auth.no_token");
  const client = new google.auth.OAuth2({
    clientId: cred.client_id,
    clientSecret: cred.client_secret,
    ...(tokenUrl ? { endpoints: { oauth2TokenUrl: tokenUrl } } : {}),
  });
  client.setCredentials({
    refresh_token: cred.refresh_token,
    access_token: cred.access_token,
    expiry_date: cred.expiry_date,
    token_type: cred.token_type ?? "Bearer",
  });
  return client;
}

export function loadClaspAuth(path: string, user: string, tokenUrl?: string): Auth {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new AuthError("doctor.auth.no_file", { path });
  }
  return oauthFromClasp(claspCredential(text, user, path), tokenUrl);
}

interface KeyFile {
  type?: string;
  client_email?: string;
  private_key?: string;
}

/** A JWT client from a service account key file, acting as `subject`. */
export function loadKeyFileAuth(path: string, subject: string | undefined, scopes: readonly string[]): Auth {
  let key: KeyFile;
  try {
    key = JSON.parse(readFileSync(path, "utf8")) as KeyFile;
  } catch {
    throw new AuthError("doctor.auth.not_json", { path });
  }
  if (key.type !== "service_account" || !key.client_email || !key.private_key)
    throw new AuthError("doctor.auth.not_key", { path });
  if (!subject) throw new AuthError("doctor.auth.no_subject");
  return new google.auth.JWT({ email: key.client_email, key: key.private_key, scopes: [...scopes], subject });
}
