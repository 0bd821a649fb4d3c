/**
 * The default office configuration (reproducing the seed procedures) and presets of real offices
 * for tests (the validation of any configuration: configcheck.ts).
 *
 * Seeds: Kota Pematangsiantar (SK 018/500.12.6.1/1226/VIII-2014: Kadis → Kabid Penyelenggaraan
 * e-Government checks the applicant's data → technical support creates; 1 day; free) and Kota
 * Pontianak (SOP: Kadis → Kasi PKSI → staff checks whether the address exists (10 min), creates
 * (10 min), confirms to the user (5 min)). The default chain combines both:
 * Kepala Dinas → Kepala Bidang e-Government (checks data) → Kepala Seksi PKSI → Staf Teknis
 * (checks duplicates, creates).
 *
 * Step targets where the seeds give none (the dispositions): chosen so that the chain fits in one
 * working day with room to spare. "1 working day" = 510 minutes (07:30–16:00, the shorter day).
 */
import type {
  ActionKey,
  HolidayEntry,
  OfficeConfig,
  OpdConfig,
  StageConfig,
  WorkingHours,
} from "./config.js";
import { HOLIDAYS } from "../generated/holidays.js";
import { unitLocal } from "./naming.js";
import { ACTION_KEYS } from "./workflow.js";

export { isEmail, validateConfig, type Problem } from "./configcheck.js";

/** 07:30–16:00 Monday–Thursday, 07:30–16:30 Friday (minutes after midnight). */
export const DEFAULT_HOURS: WorkingHours = {
  days: { 1: [450, 960], 2: [450, 960], 3: [450, 960], 4: [450, 960], 5: [450, 990] },
};
/** One working day (the shorter one). */
export const ONE_WORKING_DAY = 510;

export const DEFAULT_RESERVED = [
  "admin",
  "administrator",
  "info",
  "support",
  "noreply",
  "no-reply",
  "postmaster",
  "abuse",
  "webmaster",
  "hostmaster",
  "root",
  "security",
  "helpdesk",
  "humas",
  "sekretariat",
];

/** Every official action except creating the account, which only the last stage offers. */
const CHAIN_ACTIONS: ActionKey[] = ACTION_KEYS.filter((a) => a !== "buat_akun");
const LAST_ACTIONS: ActionKey[] = ["buat_akun", "kembalikan", "tolak", "tahan", "lanjutkan", "ambil_alih"];

function stage(
  key: string,
  label: string,
  role: string,
  officials: string[],
  delegates: string[],
  targetMinutes: number,
  last = false,
): StageConfig {
  return {
    key,
    label,
    role,
    officials,
    delegates,
    actions: [...(last ? LAST_ACTIONS : CHAIN_ACTIONS)],
    targetMinutes,
  };
}

function opd(code: string, name: string, domain: string, folder = code): OpdConfig {
  const local = unitLocal(code);
  return { code, name, orgUnitPath: `/OPD/${folder}`, group: `pegawai.${local}@${domain}`, ccEmail: "" };
}

function holidays(): HolidayEntry[] {
  return HOLIDAYS.map((h) => ({ date: h.date, name: h.name, kind: h.kind }));
}

/** The sample office: Pemerintah Kota Contoh, contohkota.go.id, the four-stage chain. */
export function defaultConfig(): OfficeConfig {
  const domain = "contohkota.go.id";
  const opds: OpdConfig[] = [
    opd("DISKOMINFO", "Dinas Komunikasi dan Informatika", domain, "Diskominfo"),
    opd("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", domain, "Bappeda"),
    opd("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", domain, "BKPSDM"),
    opd("DISDIK", "Dinas Pendidikan", domain, "Disdik"),
    opd("DINKES", "Dinas Kesehatan", domain, "Dinkes"),
    opd("SATPOLPP", "Satuan Polisi Pamong Praja", domain, "SatpolPP"),
    opd("SETDA", "Sekretariat Daerah", domain, "Setda"),
    opd("INSPEKTORAT", "Inspektorat", domain, "Inspektorat"),
    opd("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", domain, "BPKAD"),
    opd("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", domain, "Disdukcapil"),
    opd("KECUTARA", "Kecamatan Contoh Utara", domain, "Kecamatan/ContohUtara"),
    opd("KECSELATAN", "Kecamatan Contoh Selatan", domain, "Kecamatan/ContohSelatan"),
  ];
  return {
    office: {
      government: "Pemerintah Kota Contoh",
      name: "Dinas Komunikasi dan Informatika",
      shortName: "Diskominfo",
      address: "Jl. Merdeka No. 1, Kota Contoh 12345",
      phone: "(0123) 456789",
      email: `diskominfo@${domain}`,
      website: `diskominfo.${domain}`,
      city: "Contoh",
    },
    domain,
    language: "id",
    timeZone: "Asia/Jakarta",
    stages: [
      stage("kadis", "Kepala Dinas", "Kadis", [`kadis@${domain}`], [`sekdis@${domain}`], 120),
      stage("kabid", "Kepala Bidang e-Government", "Kabid", [`kabid.egov@${domain}`], [], 60),
      stage("kasi", "Kepala Seksi PKSI", "Kasi", [`kasi.pksi@${domain}`], [], 60),
      stage("staf", "Staf Teknis", "Staf", [`staf.pksi@${domain}`, `teknis.pksi@${domain}`], [], 25, true),
    ],
    admins: [`admin.surel@${domain}`],
    opds,
    naming: {
      pattern: "first.last",
      collision: "initial-then-number",
      reserved: [...DEFAULT_RESERVED, ...opds.map((o) => unitLocal(o.code))],
    },
    letter: {
      numberPattern: "{kode}/{nomor}/{unit}/{bulan}/{tahun}",
      classification: "500.12.6",
      unitCode: "Diskominfo",
      serialPadding: 0,
      sifat: "Rahasia",
      lampiran: "-",
      hal: "Pemberitahuan Akun Surel Dinas",
      signer: {
        name: "Nama Kepala Dinas",
        title: "Kepala Dinas Komunikasi dan Informatika",
        nip: "197001011995031001",
        rank: "Pembina Utama Muda (IV/c)",
      },
    },
    time: {
      hours: { days: { ...DEFAULT_HOURS.days } },
      holidays: holidays(),
      cutiBersamaOff: true,
      serviceMinutes: ONE_WORKING_DAY,
      reminderAtPercent: 80,
    },
    privacy: { retentionDays: 365 * 2, unusedCredentialDays: 14, suspendUnusedDays: 0, archiveMonths: 3 },
    recapTo: [],
    licences: 0,
    serviceChains: { reset_sandi: "staff" },
    complaints: `Diskominfo Kota Contoh: diskominfo@${domain}, telepon (0123) 456789`,
    statusPageUrl: "",
    // As the Pematangsiantar SOP names them: the head of office, the head of e-Government, technical support.
    complaintDesk: {
      handlers: [`kadis@${domain}`, `kabid.egov@${domain}`, `staf.pksi@${domain}`],
      targetMinutes: ONE_WORKING_DAY,
      // Empty: an unanswered complaint past its target goes to the first stage (the head of office).
      escalateTo: [],
    },
    privacyContact: "",
  };
}

/**
 * Kota Pematangsiantar (seed SK): Kadis → Kabid Penyelenggaraan e-Government (checks the data) →
 * technical support (creates and activates, gives the letter). Three stages.
 */
export function pematangsiantarConfig(): OfficeConfig {
  const base = defaultConfig();
  const domain = "pematangsiantarkota.go.id";
  return {
    ...base,
    office: {
      government: "Pemerintah Kota Pematangsiantar",
      name: "Dinas Komunikasi dan Informatika",
      shortName: "Diskominfo",
      address: "Jl. WR. Supratman No. 04, Pematangsiantar 21173",
      phone: "081384729585",
      email: `diskominfo@${domain}`,
      website: `diskominfo.${domain}`,
      city: "Pematangsiantar",
    },
    domain,
    timeZone: "Asia/Jakarta",
    stages: [
      stage("kadis", "Kepala Dinas", "Kadis", [`kadis@${domain}`], [`sekdis@${domain}`], 120),
      stage(
        "kabid",
        "Kepala Bidang Penyelenggaraan e-Government",
        "Kabid",
        [`kabid.egov@${domain}`],
        [],
        120,
      ),
      stage("teknis", "Technical Support", "Teknis", [`support.teknis@${domain}`], [], 60, true),
    ],
    admins: [`admin.surel@${domain}`],
    opds: base.opds.map((o) => ({ ...o, group: o.group.replace(/@.*/, `@${domain}`) })),
    letter: {
      ...base.letter,
      numberPattern: "{nomor}/{kode}/{unit}/{bulan}-{tahun}",
      classification: "500.12.6.1",
      unitCode: "Diskominfo",
      serialPadding: 3,
    },
    complaints:
      "Kepala Dinas Komunikasi dan Informatika; Kepala Bidang Penyelenggaraan e-Government; Technical Support (Pranata Komputer/Tenaga Ahli)",
    // The SOP's three complaint handlers (Pengaduan Layanan).
    complaintDesk: {
      handlers: [`kadis@${domain}`, `kabid.egov@${domain}`, `support.teknis@${domain}`],
      targetMinutes: base.complaintDesk.targetMinutes,
      escalateTo: [],
    },
  };
}

/** Kota Pontianak (seed SOP): Kadis → Kabid TKPBET → Kasi PKSI → Staf PKSI. Four stages, Asia/Pontianak. */
export function pontianakConfig(): OfficeConfig {
  const base = defaultConfig();
  const domain = "ptk.pontianakkota.go.id";
  return {
    ...base,
    office: {
      ...base.office,
      government: "Pemerintah Kota Pontianak",
      email: `diskominfo@${domain}`,
      website: "",
      city: "Pontianak",
    },
    domain,
    timeZone: "Asia/Pontianak",
    stages: [
      stage("kadis", "Kepala Dinas", "Kadis", [`kadis@${domain}`], [`sekdis@${domain}`], 60),
      stage("kabid", "Kepala Bidang TKPBET", "Kabid", [`kabid.tkpbet@${domain}`], [], 60),
      stage("kasi", "Kepala Seksi PKSI", "Kasi", [`kasi.pksi@${domain}`], [], 30),
      // Check whether the address exists (10) + create (10) + confirm to the user (5).
      stage("staf", "Staf Seksi PKSI", "Staf", [`staf.pksi@${domain}`], [], 25, true),
    ],
    admins: [`admin.surel@${domain}`],
    opds: base.opds.map((o) => ({ ...o, group: o.group.replace(/@.*/, `@${domain}`) })),
  };
}

/**
 * A five-stage chain like Kabupaten Lumajang's (secretariat receives → Kadis → Kabid Aptika →
 * Kasi → mail-server administrator), in Asia/Jakarta; for tests of longer chains.
 */
export function lumajangConfig(): OfficeConfig {
  const base = defaultConfig();
  const domain = "lumajangkab.go.id";
  return {
    ...base,
    office: {
      ...base.office,
      government: "Pemerintah Kabupaten Lumajang",
      email: `diskominfo@${domain}`,
      website: "",
      city: "Lumajang",
    },
    domain,
    stages: [
      stage("sekretariat", "Sekretariat", "Sekretariat", [`sekretariat.kominfo@${domain}`], [], 30),
      stage("kadis", "Kepala Dinas", "Kadis", [`kadis@${domain}`], [`sekdis@${domain}`], 60),
      stage("kabid", "Kepala Bidang Aptika", "Kabid", [`kabid.aptika@${domain}`], [], 60),
      stage("kasi", "Kepala Seksi", "Kasi", [`kasi.aptika@${domain}`], [], 60),
      stage(
        "adminserver",
        "Administrator Server Surel",
        "Admin Server",
        [`mailadmin@${domain}`],
        [],
        30,
        true,
      ),
    ],
    admins: [`admin.surel@${domain}`],
    opds: base.opds.map((o) => ({ ...o, group: o.group.replace(/@.*/, `@${domain}`) })),
    complaintDesk: {
      handlers: [`kadis@${domain}`, `kabid.tkpbet@${domain}`, `staf.pksi@${domain}`],
      targetMinutes: base.complaintDesk.targetMinutes,
      escalateTo: [],
    },
  };
}
