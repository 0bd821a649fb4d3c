/**
 * The key/value settings of the settings sheet, one entry per key with how it is read from the
 * office configuration and written into it (a catalogue: one entry per setting, hence its length).
 */
import { DEFAULT_ARCHIVE_MONTHS } from "./archive.js";
import type { ActionKey, Language, OfficeConfig } from "./config.js";
import { t } from "./text/index.js";
import { ACTION_KEYS } from "./workflow.js";
import { formatHours, parseHours } from "./hours.js";

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const ACTIONS: readonly ActionKey[] = ACTION_KEYS;

/** Reports a problem of a setting's value, in the language the settings are read in. */
type Report = (m: string) => void;

export type Field = {
  key: string;
  get: (c: OfficeConfig) => string;
  set: (c: OfficeConfig, v: string, problem: Report, lang: Language) => void;
};

export const list = (v: string): string[] =>
  v
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function num(v: string, min: number, problem: Report, lang: Language): number | undefined {
  const n = Number(v.replace(",", "."));
  if (!Number.isFinite(n) || n < min) {
    problem(t(lang, "settings.number", { value: v, min }));
    return undefined;
  }
  return n;
}

const yes = (v: string): boolean => /^(ya|y|yes|true|1)$/i.test(v.trim());

function text(
  key: string,
  path: (c: OfficeConfig) => { get: () => string; set: (v: string) => void },
): Field {
  return { key, get: (c) => path(c).get(), set: (c, v) => path(c).set(v) };
}

/** The key/value settings, in the order they appear in the settings sheet. */
export const FIELDS: Field[] = [
  text("nama_pemerintah", (c) => ({
    get: () => c.office.government,
    set: (v) => (c.office.government = v),
  })),
  text("nama_dinas", (c) => ({
    get: () => c.office.name,
    set: (v) => (c.office.name = v),
  })),
  text("singkatan_dinas", (c) => ({
    get: () => c.office.shortName,
    set: (v) => (c.office.shortName = v),
  })),
  text("alamat", (c) => ({
    get: () => c.office.address,
    set: (v) => (c.office.address = v),
  })),
  text("telepon", (c) => ({ get: () => c.office.phone, set: (v) => (c.office.phone = v) })),
  text("surel_dinas", (c) => ({
    get: () => c.office.email,
    set: (v) => (c.office.email = v),
  })),
  text("situs", (c) => ({
    get: () => c.office.website,
    set: (v) => (c.office.website = v),
  })),
  text("kota", (c) => ({
    get: () => c.office.city,
    set: (v) => (c.office.city = v),
  })),
  {
    key: "domain",
    get: (c) => c.domain,
    set: (c, v, p, lang) => {
      const d = v.trim().toLowerCase();
      if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)) p(t(lang, "config.domain_invalid", { value: v }));
      else c.domain = d;
    },
  },
  {
    key: "bahasa",
    get: (c) => c.language,
    set: (c, v, p, lang) => {
      const l = v.trim().toLowerCase();
      if (l === "id" || l === "en") c.language = l;
      else p(t(lang, "settings.language", { value: v }));
    },
  },
  {
    key: "zona_waktu",
    get: (c) => c.timeZone,
    set: (c, v, p, lang) => {
      if (["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"].includes(v.trim()))
        c.timeZone = v.trim();
      else p(t(lang, "settings.time_zone", { value: v }));
    },
  },
  {
    key: "admin",
    get: (c) => c.admins.join(", "),
    set: (c, v) => (c.admins = list(v).map((s) => s.toLowerCase())),
  },
  {
    key: "pola_nama_pengguna",
    get: (c) => c.naming.pattern,
    set: (c, v, p, lang) => {
      const x = v.trim() as OfficeConfig["naming"]["pattern"];
      if (["first.last", "firstlast", "first_last", "f.last"].includes(x)) c.naming.pattern = x;
      else p(t(lang, "config.naming.pattern", { value: v }));
    },
  },
  {
    key: "nama_sama",
    get: (c) => c.naming.collision,
    set: (c, v, p, lang) => {
      const x = v.trim() as OfficeConfig["naming"]["collision"];
      if (x === "initial-then-number" || x === "number") c.naming.collision = x;
      else p(t(lang, "settings.naming.collision", { value: v }));
    },
  },
  {
    key: "nama_dilarang",
    get: (c) => c.naming.reserved.join(", "),
    set: (c, v) => (c.naming.reserved = list(v).map((s) => s.toLowerCase())),
  },
  text("pola_nomor_surat", (c) => ({
    get: () => c.letter.numberPattern,
    set: (v) => (c.letter.numberPattern = v.trim()),
  })),
  text("kode_klasifikasi", (c) => ({
    get: () => c.letter.classification,
    set: (v) => (c.letter.classification = v.trim()),
  })),
  text("kode_unit", (c) => ({
    get: () => c.letter.unitCode,
    set: (v) => (c.letter.unitCode = v.trim()),
  })),
  {
    key: "panjang_nomor",
    get: (c) => String(c.letter.serialPadding),
    set: (c, v, p, lang) => {
      const n = num(v, 0, p, lang);
      if (n !== undefined) c.letter.serialPadding = Math.floor(n);
    },
  },
  text("sifat", (c) => ({ get: () => c.letter.sifat, set: (v) => (c.letter.sifat = v) })),
  text("lampiran", (c) => ({
    get: () => c.letter.lampiran,
    set: (v) => (c.letter.lampiran = v),
  })),
  text("hal", (c) => ({ get: () => c.letter.hal, set: (v) => (c.letter.hal = v) })),
  text("penandatangan_nama", (c) => ({
    get: () => c.letter.signer.name,
    set: (v) => (c.letter.signer.name = v),
  })),
  text("penandatangan_jabatan", (c) => ({
    get: () => c.letter.signer.title,
    set: (v) => (c.letter.signer.title = v),
  })),
  text("penandatangan_pangkat", (c) => ({
    get: () => c.letter.signer.rank,
    set: (v) => (c.letter.signer.rank = v),
  })),
  {
    key: "penandatangan_nip",
    get: (c) => c.letter.signer.nip,
    set: (c, v, p, lang) => {
      const nip = v.replace(/[\s.]/g, "");
      if (/^\d{18}$/.test(nip)) c.letter.signer.nip = nip;
      else p(t(lang, "settings.signer_nip", { value: v }));
    },
  },
  {
    key: "jam_kerja",
    get: (c) => formatHours(c.time.hours),
    set: (c, v, p, lang) => {
      const r = parseHours(v, lang);
      r.problems.forEach(p);
      if (r.problems.length === 0) c.time.hours = r.hours;
    },
  },
  {
    key: "cuti_bersama_libur",
    get: (c) => (c.time.cutiBersamaOff ? "Ya" : "Tidak"),
    set: (c, v) => (c.time.cutiBersamaOff = yes(v)),
  },
  {
    key: "standar_waktu_menit",
    get: (c) => String(c.time.serviceMinutes),
    set: (c, v, p, lang) => {
      const n = num(v, 1, p, lang);
      if (n !== undefined) c.time.serviceMinutes = Math.round(n);
    },
  },
  {
    key: "pengingat_persen",
    get: (c) => String(c.time.reminderAtPercent),
    set: (c, v, p, lang) => {
      const n = num(v, 1, p, lang);
      if (n !== undefined) c.time.reminderAtPercent = Math.round(n);
    },
  },
  {
    key: "retensi_hari",
    get: (c) => String(c.privacy.retentionDays),
    set: (c, v, p, lang) => {
      const n = num(v, 1, p, lang);
      if (n !== undefined) c.privacy.retentionDays = Math.round(n);
    },
  },
  {
    key: "reset_kredensial_hari",
    get: (c) => String(c.privacy.unusedCredentialDays),
    set: (c, v, p, lang) => {
      const n = num(v, 1, p, lang);
      if (n !== undefined) c.privacy.unusedCredentialDays = Math.round(n);
    },
  },
  {
    key: "usul_tangguhkan_hari",
    get: (c) => String(c.privacy.suspendUnusedDays ?? 0),
    set: (c, v, p, lang) => {
      const n = num(v || "0", 0, p, lang);
      if (n !== undefined) c.privacy.suspendUnusedDays = Math.floor(n);
    },
  },
  {
    key: "arsip_bulan",
    get: (c) => String(c.privacy.archiveMonths ?? DEFAULT_ARCHIVE_MONTHS),
    set: (c, v, p, lang) => {
      const n = num(v || "0", 0, p, lang);
      if (n !== undefined) c.privacy.archiveMonths = Math.min(12, Math.floor(n));
    },
  },
  {
    key: "rekap_kepada",
    get: (c) => (c.recapTo ?? []).join(", "),
    set: (c, v, p, lang) => {
      const all = list(v).map((s) => s.toLowerCase());
      for (const e of all) if (!EMAIL.test(e)) p(t(lang, "settings.stage.email", { value: e }));
      c.recapTo = all.filter((e) => EMAIL.test(e));
    },
  },
  {
    key: "lisensi",
    get: (c) => String(c.licences ?? 0),
    set: (c, v, p, lang) => {
      const n = num(v || "0", 0, p, lang);
      if (n !== undefined) c.licences = Math.floor(n);
    },
  },
  {
    key: "rantai_reset_sandi",
    get: (c) => ((c.serviceChains?.reset_sandi ?? "staff") === "staff" ? "staf" : "lengkap"),
    set: (c, v, p, lang) => {
      const s = v.trim().toLowerCase();
      if (s === "" || s === "staf" || s === "staff")
        c.serviceChains = { ...c.serviceChains, reset_sandi: "staff" };
      else if (s === "lengkap" || s === "full") c.serviceChains = { ...c.serviceChains, reset_sandi: "full" };
      else p(t(lang, "settings.chain_choice", { value: v }));
    },
  },
  text("pengaduan", (c) => ({
    get: () => c.complaints,
    set: (v) => (c.complaints = v),
  })),
  text("halaman_status", (c) => ({
    get: () => c.statusPageUrl,
    set: (v) => (c.statusPageUrl = v.trim()),
  })),
  {
    key: "penangan_pengaduan",
    get: (c) => c.complaintDesk.handlers.join(", "),
    set: (c, v) => (c.complaintDesk.handlers = list(v).map((s) => s.toLowerCase())),
  },
  {
    key: "target_pengaduan_menit",
    get: (c) => String(c.complaintDesk.targetMinutes),
    set: (c, v, p, lang) => {
      const n = num(v, 1, p, lang);
      if (n !== undefined) c.complaintDesk.targetMinutes = Math.round(n);
    },
  },
  {
    key: "eskalasi_pengaduan",
    get: (c) => (c.complaintDesk.escalateTo ?? []).join(", "),
    set: (c, v) => (c.complaintDesk.escalateTo = list(v).map((s) => s.toLowerCase())),
  },
  text("kontak_data_pribadi", (c) => ({
    get: () => c.privacyContact,
    set: (v) => (c.privacyContact = v.trim()),
  })),
];
