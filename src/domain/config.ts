/**
 * The office's configuration: everything an administrator can change in the settings sheet.
 * Read and validated by src/workspace/settings.ts; the domain only ever sees this typed value.
 * Defaults reproduce the seed procedures (see defaults.ts).
 */
import type { ChainChoice, ServiceKind } from "./servicekinds.js";

export type Language = "id" | "en";

/** What an official can do to a request at a stage (the dropdown offers the stage's allowed ones). */
export type ActionKey =
  | "teruskan" // forward to the next stage (disposition)
  | "setujui" // approve (forward with approval; at the last approving stage)
  | "kembalikan" // return to the applicant for correction (reason required)
  | "tolak" // reject (reason required)
  | "tahan" // hold (reason required), resumed by "lanjutkan"
  | "lanjutkan" // resume a held request
  | "ambil_alih" // take over as a delegate / administrator
  | "buat_akun"; // create the account (technical stage)

export interface StageConfig {
  /** Stable key, e.g. "kadis", "kabid", "kasi", "staf". */
  key: string;
  /** Shown to people, e.g. "Kepala Dinas". */
  label: string;
  /** The role that acts here, e.g. "Kadis". */
  role: string;
  /** E-mail addresses of the officials holding the role. */
  officials: string[];
  /** Delegates (Plh./Plt.) who may act here too. */
  delegates: string[];
  actions: ActionKey[];
  /** Target time for this step, in working minutes. */
  targetMinutes: number;
  /**
   * Who is told when the target passes: a stage key, "-" for nobody, empty (the default) for the
   * stage before this one in the chain (reminders.ts escalationStage).
   */
  escalateTo?: string;
}

export interface OpdConfig {
  /** Short code / acronym, e.g. "DISKOMINFO", used for unit accounts and org units. */
  code: string;
  name: string;
  /** Directory org unit path for accounts of this OPD, e.g. "/OPD/Diskominfo". */
  orgUnitPath: string;
  /** Group the new account joins, if any (e.g. "diskominfo@domain"). */
  group: string;
  /** Copy of the letter goes to this address, if any. */
  ccEmail: string;
}

export interface WorkingHours {
  /** ISO weekday 1 = Monday … 7 = Sunday → [start, end] in minutes after midnight, local time. */
  days: Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, [number, number]>>;
}

export interface HolidayEntry {
  /** yyyy-MM-dd */
  date: string;
  name: string;
  /** "libur" (national holiday) or "cuti" (cuti bersama). */
  kind: "libur" | "cuti";
}

export interface OfficeConfig {
  office: {
    /** "Pemerintah Kota Contoh" */
    government: string;
    /** "Dinas Komunikasi dan Informatika" */
    name: string;
    /** "Diskominfo" */
    shortName: string;
    address: string;
    phone: string;
    email: string;
    website: string;
    /** Place used in letters: "Contoh, 22 November 2026". */
    city: string;
  };
  /** Workspace primary domain for new accounts, e.g. "contohkota.go.id". */
  domain: string;
  language: Language;
  /** IANA zone of the office (Asia/Jakarta, Asia/Makassar, Asia/Jayapura, Asia/Pontianak). */
  timeZone: string;
  /** The disposition chain, in order. */
  stages: StageConfig[];
  /** Administrators: may act at any stage, run setup and verify. */
  admins: string[];
  opds: OpdConfig[];
  naming: {
    /** "first.last" | "firstlast" | "first_last" | "f.last" */
    pattern: "first.last" | "firstlast" | "first_last" | "f.last";
    /** On collision: add the middle initial, else a number; or always a number. */
    collision: "initial-then-number" | "number";
    /** Local-part names that may never be given out (besides Google's own). */
    reserved: string[];
  };
  letter: {
    /** e.g. "{kode}/{nomor}/{unit}/{bulan}/{tahun}" → 500.12.6/123/Diskominfo/XI/2026 */
    numberPattern: string;
    classification: string;
    unitCode: string;
    /** Width the serial is padded to (0 = no padding). */
    serialPadding: number;
    sifat: string;
    lampiran: string;
    hal: string;
    signer: { name: string; title: string; nip: string; rank: string };
  };
  time: {
    hours: WorkingHours;
    holidays: HolidayEntry[];
    /** Whether cuti bersama days count as days off. */
    cutiBersamaOff: boolean;
    /** The whole service standard, in working minutes (1 working day by default). */
    serviceMinutes: number;
    /** Remind the responsible official when this share of the step's target has passed. */
    reminderAtPercent: number;
  };
  privacy: {
    /** Days after closing a request when its personal fields are erased. */
    retentionDays: number;
    /** Days after which an unused credential is reset. */
    unusedCredentialDays: number;
    /** Days after the letter when an account never signed into is proposed for suspension (0 or absent: never). */
    suspendUnusedDays?: number;
    /** Months after a year closes when its closed requests move to that year's archive (0: never; absent: 3). */
    archiveMonths?: number;
  };
  /** Who gets the monthly recap besides the head of office (the first stage's officials). */
  recapTo?: string[];
  /** Google Workspace licences the office holds (setting lisensi); 0 or absent = not checked. */
  licences?: number;
  /**
   * The chain per account-service request type (services.ts); absent: the type's default. Setting
   * `rantai_reset_sandi` ("staf" | "lengkap") sets the password reset's.
   */
  serviceChains?: Partial<Record<ServiceKind, ChainChoice>>;
  /** Complaint channel published in the receipt (service standard). */
  complaints: string;
  /** The applicant status page's public address (the web app's URL), printed on receipts; "" until deployed. */
  statusPageUrl: string;
  /**
   * Complaints (pengaduan) filed on the status page: who handles them, their target in working
   * minutes, and who is told when a complaint passes its target unanswered (stage keys or
   * addresses; empty: the first stage's officials, the head of office; ["-"]: nobody).
   */
  complaintDesk: { handlers: string[]; targetMinutes: number; escalateTo?: string[] };
  /** Whom people contact about their personal data (UU PDP); the office's address when empty. */
  privacyContact: string;
}
