/**
 * Duplicate check of one request against the register (other tickets) and the directory facts the
 * workspace layer looked up (primary addresses, aliases, groups, NIPs in externalIds).
 *
 * Precedence (the verdict is the most severe match):
 *   "sudah terdaftar"  – the exact address exists in the directory (user, alias or group); the
 *                        NIP is on a directory user; or another ticket of the same person (same
 *                        NIP / NI PPPK / NIK) or with the same address already has its account
 *                        (status membuat akun / akun dibuat / selesai: the directory may lag).
 *   "kemungkinan duplikat" – another open request of the same person or for the same address; the
 *                        same name (variant-folded) in the same OPD on another open or finished
 *                        ticket (personal accounts only).
 *   "aman"             – nothing of the above. Rejected tickets never count.
 * Identity numbers only compare personal accounts: one official is responsible for several unit accounts.
 */
import { ACCOUNT_STATUSES } from "./workflow.js";
import { nameKey as defaultNameKey } from "./names.js";
import type { AccountType, DuplicateVerdict, Status } from "./request.js";
import type { Language } from "./config.js";
import { t } from "./text/index.js";
import { findOpd } from "./form.js";
import { isErasureMarker } from "./retention.js";

export type Verdict = DuplicateVerdict;

export interface DuplicateSubject {
  ticket: string;
  accountType: AccountType;
  /** NIP or NI PPPK (18 digits), "" if none. */
  nip: string;
  /** NIK (16 digits), "" if none. */
  nik: string;
  /** The address asked for or proposed, full (local@domain), "" if none yet. */
  address: string;
  /** The name without titles. */
  name: string;
  opdCode: string;
}

export interface RegisterRow extends DuplicateSubject {
  /** The register's status text. */
  status: Status | string;
}

export interface DirectoryFacts {
  /** Addresses that exist: primary addresses, aliases, groups. */
  addresses: { address: string; kind: "user" | "alias" | "group"; owner?: string }[];
  /** Directory users whose externalIds carry a NIP. */
  nips: { nip: string; address: string }[];
}

export type MatchKind =
  | "alamat_di_direktori"
  | "nip_di_direktori"
  | "identitas_akun_ada"
  | "alamat_akun_ada"
  | "identitas_permohonan_terbuka"
  | "alamat_permohonan_terbuka"
  | "nama_sama_opd";

export interface DuplicateMatch {
  kind: MatchKind;
  severity: Exclude<Verdict, "aman">;
  /** Plain words, in the language the check was asked in. */
  detail: string;
  ticket?: string;
  address?: string;
}

export interface DuplicateResult {
  verdict: Verdict;
  matches: DuplicateMatch[];
}

const KIND_ORDER: MatchKind[] = [
  "alamat_di_direktori",
  "nip_di_direktori",
  "identitas_akun_ada",
  "alamat_akun_ada",
  "identitas_permohonan_terbuka",
  "alamat_permohonan_terbuka",
  "nama_sama_opd",
];

const digits = (s: string): string => s.replace(/\D/g, "");
const addr = (s: string): string => s.trim().toLowerCase();

/**
 * Checks a request. Names compare by `nameKey` (names.ts: titles, diacritics, old spelling,
 * Muhammad variants, doubled letters folded), replaceable for tests or another rule. The details
 * are written in `lang`.
 */
export function checkDuplicates(
  request: DuplicateSubject,
  registerRows: readonly RegisterRow[],
  directory: DirectoryFacts,
  nameKey: (name: string) => string = defaultNameKey,
  lang: Language = "id",
): DuplicateResult {
  const matches: DuplicateMatch[] = [];
  const address = addr(request.address);
  const ids = [digits(request.nip), digits(request.nik)].filter((d) => d.length >= 8);

  // Directory facts.
  if (address) {
    for (const a of directory.addresses) {
      if (addr(a.address) !== address) continue;
      const what = t(
        lang,
        a.kind === "user"
          ? "duplicate.kind.user"
          : a.kind === "alias"
            ? "duplicate.kind.alias"
            : "duplicate.kind.group",
      );
      matches.push({
        kind: "alamat_di_direktori",
        severity: "sudah terdaftar",
        detail: a.owner
          ? t(lang, "duplicate.address_in_directory_owner", { address, what, owner: a.owner })
          : t(lang, "duplicate.address_in_directory", { address, what }),
        address,
      });
    }
  }
  if (request.accountType === "pribadi" && digits(request.nip)) {
    for (const n of directory.nips) {
      if (digits(n.nip) !== digits(request.nip)) continue;
      matches.push({
        kind: "nip_di_direktori",
        severity: "sudah terdaftar",
        detail: t(lang, "duplicate.nip_in_directory", { address: addr(n.address) }),
        address: addr(n.address),
      });
    }
  }

  // The register: other tickets, rejected ones ignored.
  const key = nameKey(request.name);
  const opd = request.opdCode.trim().toLowerCase();
  for (const row of registerRows) {
    if (row.ticket === request.ticket) continue;
    if (row.status === "ditolak") continue;
    const hasAccount = (ACCOUNT_STATUSES as readonly string[]).includes(row.status);
    const rowAddress = addr(row.address);

    if (request.accountType === "pribadi" && row.accountType !== "unit" && ids.length) {
      const rowIds = [digits(row.nip), digits(row.nik)].filter((d) => d.length >= 8);
      if (rowIds.some((d) => ids.includes(d))) {
        matches.push(
          hasAccount
            ? {
                kind: "identitas_akun_ada",
                severity: "sudah terdaftar",
                detail: rowAddress
                  ? t(lang, "duplicate.identity_account", { address: rowAddress, ticket: row.ticket })
                  : t(lang, "duplicate.identity_account_no_address", { ticket: row.ticket }),
                ticket: row.ticket,
                address: rowAddress || undefined,
              }
            : {
                kind: "identitas_permohonan_terbuka",
                severity: "kemungkinan duplikat",
                detail: t(lang, "duplicate.identity_open", { ticket: row.ticket, status: row.status }),
                ticket: row.ticket,
              },
        );
        continue;
      }
    }
    if (address && rowAddress === address) {
      matches.push(
        hasAccount
          ? {
              kind: "alamat_akun_ada",
              severity: "sudah terdaftar",
              detail: t(lang, "duplicate.address_account", { address, ticket: row.ticket }),
              ticket: row.ticket,
              address,
            }
          : {
              kind: "alamat_permohonan_terbuka",
              severity: "kemungkinan duplikat",
              detail: t(lang, "duplicate.address_open", { address, ticket: row.ticket }),
              ticket: row.ticket,
              address,
            },
      );
      continue;
    }
    const bothPersonal = request.accountType === "pribadi" && row.accountType !== "unit";
    if (bothPersonal && key && opd && row.opdCode.trim().toLowerCase() === opd && nameKey(row.name) === key) {
      matches.push({
        kind: "nama_sama_opd",
        severity: "kemungkinan duplikat",
        detail: t(lang, "duplicate.same_name", { name: row.name, ticket: row.ticket, status: row.status }),
        ticket: row.ticket,
        address: rowAddress || undefined,
      });
    }
  }

  matches.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const verdict: Verdict = matches.some((m) => m.severity === "sudah terdaftar")
    ? "sudah terdaftar"
    : matches.length
      ? "kemungkinan duplikat"
      : "aman";
  return { verdict, matches };
}

/** The register cells a request's duplicate keys are made of. */
export type DuplicateKeyCell = "nip" | "nik" | "name" | "opd" | "address" | "wish";

const keyPart = (s: string): string => s.replace(/\|/g, "").trim().toLowerCase();
/**
 * A cell as the sheet stores it (a value written with its guarding apostrophe reads back without);
 * an erasure marker (retention) as empty: an erased field leaves no key (its date's digits could
 * only ever match another marker, never an identity number a request carries).
 */
const stored = (c: unknown): string => {
  const s = c === undefined || c === null ? "" : String(c);
  return isErasureMarker(s) ? "" : s.startsWith("'") ? s.slice(1) : s;
};

/**
 * A register row's duplicate keys ("Kunci Duplikat"): every value by which the rules above can
 * match it — identity digits (i:), its address (a:), its wish (w:, the address a row without one
 * stands for), OPD code and name key (m:) — as one cell "|k|k|…|". A superset: the check reads
 * the rows found and applies the rules to their real cells. Only what the same row holds, so an
 * erasure of the row's fields (retention) erases its keys with them. `opds`: the office's OPDs,
 * by which an OPD text is read as its code (form.ts findOpd), as the check reads it.
 */
export function duplicateKeys(
  row: Partial<Record<DuplicateKeyCell, unknown>>,
  opds: readonly { code: string; name: string }[],
): string {
  const keys = new Set<string>();
  for (const d of [digits(stored(row.nip)), digits(stored(row.nik))]) if (d.length >= 8) keys.add(`i:${d}`);
  const address = keyPart(stored(row.address));
  if (address) keys.add(`a:${address}`);
  const wish = keyPart(stored(row.wish));
  if (wish) keys.add(`w:${wish}`);
  const key = keyPart(defaultNameKey(stored(row.name)));
  const opdText = stored(row.opd);
  const opd = keyPart(findOpd(opdText, opds)?.code ?? opdText);
  if (key && opd) keys.add(`m:${opd}:${key}`);
  return keys.size ? `|${[...keys].join("|")}|` : "";
}
