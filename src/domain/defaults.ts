/**
 * The default office configuration (reproducing the seed procedures), presets of real offices for
 * tests, and the validation of any configuration in plain words (the office's language).
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
  Language,
  OfficeConfig,
  OpdConfig,
  StageConfig,
  WorkingHours,
} from "./config.js";
import { HOLIDAYS } from "../generated/holidays.js";
import { zoneOffsetMinutes } from "./dates.js";
import { letterPatternProblems } from "./letters.js";
import { checkUsername, unitLocal } from "./naming.js";
import { ACTION_KEYS, RULES } from "./workflow.js";
import { t, tx } from "./text/index.js";

export interface Problem {
  level: "error" | "warning";
  /** Where: a path into the configuration, e.g. "stages[1].officials". */
  field: string;
  message: string;
}

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

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const EMAIL_RE = /^[^\s@]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
const DOMAIN_RE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;
const KEY_RE = /^[a-z][a-z0-9_]*$/;
export function isEmail(value: string): boolean {
  return EMAIL_RE.test(value.trim());
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}.${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * Every problem of a configuration, errors first; an empty list means it can be used. The
 * messages are in the configuration's language (Indonesian when the language itself is wrong).
 */
export function validateConfig(config: OfficeConfig): Problem[] {
  const lang: Language = config.language === "en" ? "en" : "id";
  const problems: Problem[] = [];
  const error = (field: string, message: string): void =>
    void problems.push({ level: "error", field, message });
  const warn = (field: string, message: string): void =>
    void problems.push({ level: "warning", field, message });
  const checkEmails = (field: string, list: string[], message: (value: string) => string): void => {
    list.forEach((e, i) => {
      if (!isEmail(e)) error(`${field}[${i}]`, message(e));
    });
  };

  // Office
  if (!config.office.government.trim()) error("office.government", t(lang, "config.government_empty"));
  if (!config.office.name.trim()) error("office.name", t(lang, "config.office_name_empty"));
  if (!config.office.city.trim()) warn("office.city", t(lang, "config.city_empty"));
  if (config.office.email.trim() && !isEmail(config.office.email)) {
    error("office.email", t(lang, "config.office_email", { value: config.office.email }));
  }

  // Domain, language, time zone
  const domain = config.domain.trim().toLowerCase();
  if (!domain) error("domain", t(lang, "config.domain_empty"));
  else if (!DOMAIN_RE.test(domain))
    error("domain", t(lang, "config.domain_invalid", { value: config.domain }));
  else if (!domain.endsWith(".go.id"))
    warn("domain", t(lang, "config.domain_not_gov", { value: config.domain }));
  if (config.language !== "id" && config.language !== "en") {
    error("language", t(lang, "config.language", { value: String(config.language) }));
  }
  if (zoneOffsetMinutes(config.timeZone) === undefined) {
    error("timeZone", t(lang, "config.time_zone", { value: config.timeZone }));
  }

  // The chain
  const stages = config.stages;
  if (stages.length === 0) error("stages", t(lang, "config.stages_empty"));
  const seenKeys = new Set<string>();
  stages.forEach((s, i) => {
    const f = `stages[${i}]`;
    const name = s.label.trim() || s.key || t(lang, "config.stage.nth", { n: i + 1 });
    const stage = { stage: name };
    const last = i === stages.length - 1;
    if (!s.key.trim()) error(`${f}.key`, t(lang, "config.stage.key_empty", stage));
    else if (!KEY_RE.test(s.key)) error(`${f}.key`, t(lang, "config.stage.key_invalid", { key: s.key }));
    if (s.key && seenKeys.has(s.key))
      error(`${f}.key`, t(lang, "config.stage.key_duplicate", { key: s.key }));
    seenKeys.add(s.key);
    if (!s.label.trim()) error(`${f}.label`, t(lang, "config.stage.label_empty", { key: s.key }));
    if (s.officials.length === 0) error(`${f}.officials`, t(lang, "config.stage.officials_empty", stage));
    checkEmails(`${f}.officials`, s.officials, (value) =>
      t(lang, "config.stage.official_email", { ...stage, value }),
    );
    checkEmails(`${f}.delegates`, s.delegates, (value) =>
      t(lang, "config.stage.delegate_email", { ...stage, value }),
    );
    if (!(Number.isFinite(s.targetMinutes) && s.targetMinutes > 0)) {
      error(`${f}.targetMinutes`, t(lang, "config.stage.target", stage));
    }
    if (s.actions.length === 0) error(`${f}.actions`, t(lang, "config.stage.actions_empty", stage));
    for (const a of s.actions) {
      if (!(a in RULES) || RULES[a].who.includes("system")) {
        error(`${f}.actions`, t(lang, "config.stage.action_unknown", { ...stage, action: a }));
      }
    }
    const forwards = s.actions.includes("teruskan") || s.actions.includes("setujui");
    if (last) {
      if (!s.actions.includes("buat_akun"))
        error(`${f}.actions`, t(lang, "config.stage.last_creates", stage));
      if (forwards) error(`${f}.actions`, t(lang, "config.stage.last_forwards", stage));
    } else {
      if (s.actions.includes("buat_akun"))
        error(`${f}.actions`, t(lang, "config.stage.create_not_last", stage));
      if (!forwards) error(`${f}.actions`, t(lang, "config.stage.must_forward", stage));
    }
    if (s.actions.includes("tahan") && !s.actions.includes("lanjutkan")) {
      warn(`${f}.actions`, t(lang, "config.stage.hold_no_resume", stage));
    }
    if (!s.actions.includes("kembalikan") && !s.actions.includes("tolak")) {
      warn(`${f}.actions`, t(lang, "config.stage.no_return", stage));
    }
  });

  // Administrators
  if (config.admins.length === 0) warn("admins", t(lang, "config.admins_empty"));
  checkEmails("admins", config.admins, (value) => t(lang, "config.admin_email", { value }));

  // OPDs
  const seenCodes = new Set<string>();
  config.opds.forEach((o, i) => {
    const f = `opds[${i}]`;
    const code = unitLocal(o.code);
    if (!code) error(`${f}.code`, t(lang, "config.opd.code_empty", { name: o.name }));
    else if (seenCodes.has(code)) error(`${f}.code`, t(lang, "config.opd.code_duplicate", { code: o.code }));
    seenCodes.add(code);
    if (!o.name.trim()) error(`${f}.name`, t(lang, "config.opd.name_empty", { code: o.code }));
    if (o.orgUnitPath && !o.orgUnitPath.startsWith("/")) {
      error(`${f}.orgUnitPath`, t(lang, "config.opd.org_unit", { code: o.code, example: `/OPD/${o.code}` }));
    }
    if (o.group && !isEmail(o.group))
      error(`${f}.group`, t(lang, "config.opd.group", { code: o.code, value: o.group }));
    if (o.ccEmail && !isEmail(o.ccEmail))
      error(`${f}.ccEmail`, t(lang, "config.opd.cc", { code: o.code, value: o.ccEmail }));
  });
  if (config.opds.length === 0) warn("opds", t(lang, "config.opds_empty"));

  // Naming
  if (!["first.last", "firstlast", "first_last", "f.last"].includes(config.naming.pattern)) {
    error("naming.pattern", t(lang, "config.naming.pattern", { value: config.naming.pattern }));
  }
  if (!["initial-then-number", "number"].includes(config.naming.collision)) {
    error("naming.collision", t(lang, "config.naming.collision", { value: config.naming.collision }));
  }
  config.naming.reserved.forEach((r, i) => {
    const bad = checkUsername(r.toLowerCase(), [], lang).filter((p) => p.code !== "reserved");
    if (bad.length)
      error(
        `naming.reserved[${i}]`,
        t(lang, "config.naming.reserved", { value: r, detail: bad[0]!.message }),
      );
  });

  // Letter
  for (const m of letterPatternProblems(config.letter.numberPattern, lang)) error("letter.numberPattern", m);
  if (config.letter.numberPattern.includes("{kode}") && !config.letter.classification.trim()) {
    error("letter.classification", t(lang, "config.letter.classification"));
  }
  if (config.letter.numberPattern.includes("{unit}") && !config.letter.unitCode.trim()) {
    error("letter.unitCode", t(lang, "config.letter.unit_code"));
  }
  if (!(
    Number.isInteger(config.letter.serialPadding) &&
    config.letter.serialPadding >= 0 &&
    config.letter.serialPadding <= 8
  )) {
    error("letter.serialPadding", t(lang, "config.letter.padding"));
  }
  if (!config.letter.signer.name.trim()) warn("letter.signer.name", t(lang, "config.letter.signer_name"));
  if (!config.letter.signer.title.trim()) warn("letter.signer.title", t(lang, "config.letter.signer_title"));

  // Time
  const days = config.time.hours.days;
  let workDays = 0;
  for (const d of [1, 2, 3, 4, 5, 6, 7] as const) {
    const span = days[d];
    if (!span) continue;
    const [start, end] = span;
    const day = tx(lang, `day.${d}`);
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= 24 * 60)) {
      error(`time.hours.days.${d}`, t(lang, "config.hours.invalid", { day }));
    } else if (end <= start) {
      error(
        `time.hours.days.${d}`,
        t(lang, "config.hours.reversed", { day, end: hhmm(end), start: hhmm(start) }),
      );
    } else workDays++;
  }
  if (workDays === 0) error("time.hours", t(lang, "config.hours.none"));
  const seenDates = new Set<string>();
  config.time.holidays.forEach((h, i) => {
    const f = `time.holidays[${i}]`;
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(h.date) ||
      Number.isNaN(Date.parse(`${h.date}T00:00:00Z`)) ||
      new Date(`${h.date}T00:00:00Z`).toISOString().slice(0, 10) !== h.date
    ) {
      error(`${f}.date`, t(lang, "config.holiday.date", { value: h.date }));
    }
    if (h.kind !== "libur" && h.kind !== "cuti")
      error(`${f}.kind`, t(lang, "config.holiday.kind", { value: String(h.kind) }));
    const k = `${h.date}|${h.kind}|${h.name}`;
    if (seenDates.has(k)) warn(`${f}`, t(lang, "config.holiday.twice", { date: h.date, name: h.name }));
    seenDates.add(k);
  });
  if (!(config.time.serviceMinutes > 0)) error("time.serviceMinutes", t(lang, "config.service_minutes"));
  const total = stages.reduce((sum, s) => sum + (s.targetMinutes > 0 ? s.targetMinutes : 0), 0);
  if (config.time.serviceMinutes > 0 && total > config.time.serviceMinutes) {
    warn("stages", t(lang, "config.targets_exceed", { total, service: config.time.serviceMinutes }));
  }
  if (!(config.time.reminderAtPercent > 0 && config.time.reminderAtPercent <= 100)) {
    error("time.reminderAtPercent", t(lang, "config.reminder"));
  }

  // Privacy and service standard
  if (!(Number.isInteger(config.privacy.retentionDays) && config.privacy.retentionDays > 0)) {
    error("privacy.retentionDays", t(lang, "config.retention"));
  }
  if (!(Number.isInteger(config.privacy.unusedCredentialDays) && config.privacy.unusedCredentialDays > 0)) {
    error("privacy.unusedCredentialDays", t(lang, "config.unused_credential"));
  }
  if (!config.complaints.trim()) warn("complaints", t(lang, "config.complaints"));
  if (config.complaintDesk.handlers.length === 0)
    warn("complaintDesk.handlers", t(lang, "config.complaint_handlers"));
  for (const h of config.complaintDesk.handlers)
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(h))
      error("complaintDesk.handlers", t(lang, "config.complaint_handler_email", { value: h }));
  if (!(Number.isInteger(config.complaintDesk.targetMinutes) && config.complaintDesk.targetMinutes > 0))
    error("complaintDesk.targetMinutes", t(lang, "config.complaint_target"));
  for (const v of config.complaintDesk.escalateTo ?? [])
    if (v !== "-" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) && !config.stages.some((s) => s.key === v))
      error("complaintDesk.escalateTo", t(lang, "config.complaint_escalate", { value: v }));

  return [...problems.filter((p) => p.level === "error"), ...problems.filter((p) => p.level === "warning")];
}
