/**
 * The office configuration as administrators see it: four plain tables in the settings sheets
 * (key/value settings, the chain of stages, the OPD list, the holiday table), and the conversion
 * both ways. Parsing never throws: every problem is reported in plain Indonesian with the sheet,
 * row and key, and the default value is used in its place so that the service keeps running.
 */
import type {
  ActionKey,
  HolidayEntry,
  OfficeConfig,
  OpdConfig,
  StageConfig,
  WorkingHours,
} from "./config.js";

export type Tables = {
  settings: string[][];
  stages: string[][];
  opds: string[][];
  holidays: string[][];
};

export const SHEETS = {
  settings: "Pengaturan",
  stages: "Tahapan",
  opds: "OPD",
  holidays: "Hari Libur",
} as const;

export const STAGE_HEADERS = [
  "Urutan",
  "Kunci",
  "Nama Tahap",
  "Peran",
  "Pejabat (surel)",
  "Delegasi (surel)",
  "Tindakan",
  "Target (menit)",
];
export const OPD_HEADERS = ["Kode", "Nama", "Unit Organisasi", "Grup", "Tembusan Surat"];
export const HOLIDAY_HEADERS = ["Tanggal", "Nama", "Jenis (libur/cuti)"];
export const SETTINGS_HEADERS = ["Kunci", "Nilai", "Keterangan"];

export interface SettingsProblem {
  sheet: string;
  row: number;
  key: string;
  message: string;
}

const ACTIONS: readonly ActionKey[] = [
  "teruskan",
  "setujui",
  "kembalikan",
  "tolak",
  "tahan",
  "lanjutkan",
  "ambil_alih",
  "buat_akun",
];

type Field = {
  key: string;
  help: string;
  get: (c: OfficeConfig) => string;
  set: (c: OfficeConfig, v: string, problem: (m: string) => void) => void;
};

const DAY_NAMES: Record<string, 1 | 2 | 3 | 4 | 5 | 6 | 7> = {
  sen: 1,
  sel: 2,
  rab: 3,
  kam: 4,
  jum: 5,
  sab: 6,
  min: 7,
};
const DAY_LABELS = ["", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"];

function hm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** "Sen-Kam 07:30-16:00; Jum 07:30-16:30" ⇄ WorkingHours. */
export function formatHours(h: WorkingHours): string {
  const parts: string[] = [];
  let d = 1;
  while (d <= 7) {
    const span = h.days[d as 1];
    if (!span) {
      d++;
      continue;
    }
    let e = d;
    while (e < 7 && sameSpan(h.days[(e + 1) as 1], span)) e++;
    parts.push(`${DAY_LABELS[d]}${e > d ? "-" + DAY_LABELS[e] : ""} ${hm(span[0])}-${hm(span[1])}`);
    d = e + 1;
  }
  return parts.join("; ");
}

function sameSpan(a: [number, number] | undefined, b: [number, number]): boolean {
  return !!a && a[0] === b[0] && a[1] === b[1];
}

export function parseHours(text: string): { hours: WorkingHours; problems: string[] } {
  const hours: WorkingHours = { days: {} };
  const problems: string[] = [];
  for (const part of text
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z]{3})(?:\s*-\s*([a-z]{3}))?\s+(\d{1,2})[.:](\d{2})\s*-\s*(\d{1,2})[.:](\d{2})$/i.exec(
      part,
    );
    const from = m ? DAY_NAMES[m[1]!.toLowerCase()] : undefined;
    const to = m ? (m[2] ? DAY_NAMES[m[2].toLowerCase()] : from) : undefined;
    if (!m || !from || !to || to < from) {
      problems.push(
        `Jam kerja "${part}" tidak dapat dibaca. Contoh yang benar: "Sen-Kam 07:30-16:00; Jum 07:30-16:30".`,
      );
      continue;
    }
    const start = Number(m[3]) * 60 + Number(m[4]);
    const end = Number(m[5]) * 60 + Number(m[6]);
    if (start >= end || end > 24 * 60) {
      problems.push(`Jam kerja "${part}": jam mulai harus sebelum jam selesai.`);
      continue;
    }
    for (let d = from; d <= to; d++) hours.days[d as 1] = [start, end];
  }
  if (Object.keys(hours.days).length === 0 && problems.length === 0)
    problems.push("Jam kerja kosong: isi paling sedikit satu hari kerja.");
  return { hours, problems };
}

const list = (v: string): string[] =>
  v
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function num(v: string, min: number, problem: (m: string) => void): number | undefined {
  const n = Number(v.replace(",", "."));
  if (!Number.isFinite(n) || n < min) {
    problem(`"${v}" bukan angka yang sah (paling kecil ${min}).`);
    return undefined;
  }
  return n;
}

const yes = (v: string): boolean => /^(ya|y|yes|true|1)$/i.test(v.trim());

function text(
  key: string,
  help: string,
  path: (c: OfficeConfig) => { get: () => string; set: (v: string) => void },
): Field {
  return { key, help, get: (c) => path(c).get(), set: (c, v) => path(c).set(v) };
}

/** The key/value settings, in the order they appear in the settings sheet. */
export const FIELDS: Field[] = [
  text("nama_pemerintah", "Nama pemerintah daerah pada kop surat", (c) => ({
    get: () => c.office.government,
    set: (v) => (c.office.government = v),
  })),
  text("nama_dinas", "Nama dinas pada kop surat", (c) => ({
    get: () => c.office.name,
    set: (v) => (c.office.name = v),
  })),
  text("singkatan_dinas", "Singkatan dinas", (c) => ({
    get: () => c.office.shortName,
    set: (v) => (c.office.shortName = v),
  })),
  text("alamat", "Alamat kantor", (c) => ({
    get: () => c.office.address,
    set: (v) => (c.office.address = v),
  })),
  text("telepon", "Telepon kantor", (c) => ({ get: () => c.office.phone, set: (v) => (c.office.phone = v) })),
  text("surel_dinas", "Alamat surel dinas", (c) => ({
    get: () => c.office.email,
    set: (v) => (c.office.email = v),
  })),
  text("situs", "Situs web dinas", (c) => ({
    get: () => c.office.website,
    set: (v) => (c.office.website = v),
  })),
  text("kota", "Tempat penandatanganan surat", (c) => ({
    get: () => c.office.city,
    set: (v) => (c.office.city = v),
  })),
  {
    key: "domain",
    help: "Domain akun baru, mis. contohkota.go.id",
    get: (c) => c.domain,
    set: (c, v, p) => {
      const d = v.trim().toLowerCase();
      if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)) p(`Domain "${v}" tidak sah.`);
      else c.domain = d;
    },
  },
  {
    key: "bahasa",
    help: "Bahasa pesan: id atau en",
    get: (c) => c.language,
    set: (c, v, p) => {
      const l = v.trim().toLowerCase();
      if (l === "id" || l === "en") c.language = l;
      else p(`Bahasa "${v}" tidak dikenal: isi "id" atau "en".`);
    },
  },
  {
    key: "zona_waktu",
    help: "Asia/Jakarta, Asia/Pontianak, Asia/Makassar atau Asia/Jayapura",
    get: (c) => c.timeZone,
    set: (c, v, p) => {
      if (["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"].includes(v.trim()))
        c.timeZone = v.trim();
      else p(`Zona waktu "${v}" tidak dikenal.`);
    },
  },
  {
    key: "admin",
    help: "Surel administrator, dipisah koma",
    get: (c) => c.admins.join(", "),
    set: (c, v) => (c.admins = list(v).map((s) => s.toLowerCase())),
  },
  {
    key: "pola_nama_pengguna",
    help: "first.last, firstlast, first_last atau f.last",
    get: (c) => c.naming.pattern,
    set: (c, v, p) => {
      const x = v.trim() as OfficeConfig["naming"]["pattern"];
      if (["first.last", "firstlast", "first_last", "f.last"].includes(x)) c.naming.pattern = x;
      else p(`Pola nama pengguna "${v}" tidak dikenal.`);
    },
  },
  {
    key: "nama_sama",
    help: "initial-then-number (inisial lalu angka) atau number (angka)",
    get: (c) => c.naming.collision,
    set: (c, v, p) => {
      const x = v.trim() as OfficeConfig["naming"]["collision"];
      if (x === "initial-then-number" || x === "number") c.naming.collision = x;
      else p(`Aturan nama sama "${v}" tidak dikenal.`);
    },
  },
  {
    key: "nama_dilarang",
    help: "Nama pengguna yang tidak boleh dipakai, dipisah koma",
    get: (c) => c.naming.reserved.join(", "),
    set: (c, v) => (c.naming.reserved = list(v).map((s) => s.toLowerCase())),
  },
  text("pola_nomor_surat", "Pola nomor surat: {kode}/{nomor}/{unit}/{bulan}/{tahun}", (c) => ({
    get: () => c.letter.numberPattern,
    set: (v) => (c.letter.numberPattern = v.trim()),
  })),
  text("kode_klasifikasi", "Kode klasifikasi arsip, mis. 500.12.6", (c) => ({
    get: () => c.letter.classification,
    set: (v) => (c.letter.classification = v.trim()),
  })),
  text("kode_unit", "Kode unit pada nomor surat", (c) => ({
    get: () => c.letter.unitCode,
    set: (v) => (c.letter.unitCode = v.trim()),
  })),
  {
    key: "panjang_nomor",
    help: "Nomor urut diisi nol di depan sampai sepanjang ini (0 = tidak)",
    get: (c) => String(c.letter.serialPadding),
    set: (c, v, p) => {
      const n = num(v, 0, p);
      if (n !== undefined) c.letter.serialPadding = Math.floor(n);
    },
  },
  text("sifat", "Sifat surat", (c) => ({ get: () => c.letter.sifat, set: (v) => (c.letter.sifat = v) })),
  text("lampiran", "Lampiran surat", (c) => ({
    get: () => c.letter.lampiran,
    set: (v) => (c.letter.lampiran = v),
  })),
  text("hal", "Hal surat", (c) => ({ get: () => c.letter.hal, set: (v) => (c.letter.hal = v) })),
  text("penandatangan_nama", "Nama pejabat penanda tangan", (c) => ({
    get: () => c.letter.signer.name,
    set: (v) => (c.letter.signer.name = v),
  })),
  text("penandatangan_jabatan", "Jabatan penanda tangan", (c) => ({
    get: () => c.letter.signer.title,
    set: (v) => (c.letter.signer.title = v),
  })),
  text("penandatangan_pangkat", "Pangkat/golongan penanda tangan", (c) => ({
    get: () => c.letter.signer.rank,
    set: (v) => (c.letter.signer.rank = v),
  })),
  {
    key: "penandatangan_nip",
    help: "NIP penanda tangan (18 digit)",
    get: (c) => c.letter.signer.nip,
    set: (c, v, p) => {
      const nip = v.replace(/[\s.]/g, "");
      if (/^\d{18}$/.test(nip)) c.letter.signer.nip = nip;
      else
        p(
          `NIP penanda tangan "${v}" harus 18 digit angka. Bila tampil seperti 1,97E+17, format sel sebagai teks biasa (Format \u2192 Angka \u2192 Teks biasa) lalu ketik ulang.`,
        );
    },
  },
  {
    key: "jam_kerja",
    help: "Mis. Sen-Kam 07:30-16:00; Jum 07:30-16:30",
    get: (c) => formatHours(c.time.hours),
    set: (c, v, p) => {
      const r = parseHours(v);
      r.problems.forEach(p);
      if (r.problems.length === 0) c.time.hours = r.hours;
    },
  },
  {
    key: "cuti_bersama_libur",
    help: "Ya jika cuti bersama dihitung hari libur",
    get: (c) => (c.time.cutiBersamaOff ? "Ya" : "Tidak"),
    set: (c, v) => (c.time.cutiBersamaOff = yes(v)),
  },
  {
    key: "standar_waktu_menit",
    help: "Standar waktu seluruh layanan, dalam menit kerja (1 hari kerja = 480)",
    get: (c) => String(c.time.serviceMinutes),
    set: (c, v, p) => {
      const n = num(v, 1, p);
      if (n !== undefined) c.time.serviceMinutes = Math.round(n);
    },
  },
  {
    key: "pengingat_persen",
    help: "Pengingat dikirim saat sekian persen target tahap terlewati",
    get: (c) => String(c.time.reminderAtPercent),
    set: (c, v, p) => {
      const n = num(v, 1, p);
      if (n !== undefined) c.time.reminderAtPercent = Math.round(n);
    },
  },
  {
    key: "retensi_hari",
    help: "Data pribadi permohonan yang selesai dihapus setelah sekian hari",
    get: (c) => String(c.privacy.retentionDays),
    set: (c, v, p) => {
      const n = num(v, 1, p);
      if (n !== undefined) c.privacy.retentionDays = Math.round(n);
    },
  },
  {
    key: "reset_kredensial_hari",
    help: "Kata sandi awal yang tidak pernah dipakai direset setelah sekian hari",
    get: (c) => String(c.privacy.unusedCredentialDays),
    set: (c, v, p) => {
      const n = num(v, 1, p);
      if (n !== undefined) c.privacy.unusedCredentialDays = Math.round(n);
    },
  },
  text("pengaduan", "Saluran pengaduan yang dicantumkan pada tanda terima", (c) => ({
    get: () => c.complaints,
    set: (v) => (c.complaints = v),
  })),
];

/** The configuration as the four tables setup writes (header row first). */
export function configToTables(c: OfficeConfig): Tables {
  return {
    settings: [SETTINGS_HEADERS, ...FIELDS.map((f) => [f.key, f.get(c), f.help])],
    stages: [
      STAGE_HEADERS,
      ...c.stages.map((s, i) => [
        String(i + 1),
        s.key,
        s.label,
        s.role,
        s.officials.join(", "),
        s.delegates.join(", "),
        s.actions.join(", "),
        String(s.targetMinutes),
      ]),
    ],
    opds: [OPD_HEADERS, ...c.opds.map((o) => [o.code, o.name, o.orgUnitPath, o.group, o.ccEmail])],
    holidays: [HOLIDAY_HEADERS, ...c.time.holidays.map((h) => [h.date, h.name, h.kind])],
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads the four tables over a copy of `defaults`. Every cell that cannot be read is reported and
 * the default is kept. Cells arrive as strings (the workspace layer uses display values).
 */
export function tablesToConfig(
  t: Tables,
  defaults: OfficeConfig,
): { config: OfficeConfig; problems: SettingsProblem[] } {
  const config = JSON.parse(JSON.stringify(defaults)) as OfficeConfig;
  const problems: SettingsProblem[] = [];
  const byKey = new Map(FIELDS.map((f) => [f.key, f]));
  t.settings.slice(1).forEach((r, i) => {
    const key = (r[0] ?? "").trim();
    if (!key) return;
    const f = byKey.get(key);
    const at = (message: string) => problems.push({ sheet: SHEETS.settings, row: i + 2, key, message });
    if (!f) return at(`Kunci "${key}" tidak dikenal; baris ini diabaikan.`);
    f.set(config, String(r[1] ?? "").trim(), at);
  });

  const stages: StageConfig[] = [];
  t.stages.slice(1).forEach((r, i) => {
    const row = i + 2;
    const cells = r.map((x) => String(x ?? "").trim());
    if (cells.every((x) => !x)) return;
    const [, key = "", label = "", role = "", officials = "", delegates = "", actions = "", target = ""] =
      cells;
    const at = (message: string) =>
      problems.push({ sheet: SHEETS.stages, row, key: key || `baris ${row}`, message });
    const acts = list(actions).map((a) => a.toLowerCase().replace(/\s+/g, "_"));
    for (const a of acts)
      if (!ACTIONS.includes(a as ActionKey))
        at(`Tindakan "${a}" tidak dikenal. Pilihan: ${ACTIONS.join(", ")}.`);
    const emails = (v: string) => list(v).map((s) => s.toLowerCase());
    for (const e of [...emails(officials), ...emails(delegates)])
      if (!EMAIL.test(e)) at(`"${e}" bukan alamat surel yang sah.`);
    const minutes = Number(target);
    if (!Number.isFinite(minutes) || minutes <= 0)
      at(`Target waktu "${target}" harus berupa jumlah menit lebih dari 0.`);
    stages.push({
      key: key.toLowerCase(),
      label,
      role,
      officials: emails(officials).filter((e) => EMAIL.test(e)),
      delegates: emails(delegates).filter((e) => EMAIL.test(e)),
      actions: acts.filter((a): a is ActionKey => ACTIONS.includes(a as ActionKey)),
      targetMinutes: Number.isFinite(minutes) && minutes > 0 ? Math.round(minutes) : 10,
    });
  });
  if (stages.length > 0) config.stages = stages;
  else
    problems.push({
      sheet: SHEETS.stages,
      row: 2,
      key: "tahapan",
      message: "Rantai disposisi kosong: isi paling sedikit satu tahap.",
    });

  const opds: OpdConfig[] = [];
  t.opds.slice(1).forEach((r) => {
    const [code = "", name = "", ou = "", group = "", cc = ""] = r.map((x) => String(x ?? "").trim());
    if (!code && !name) return;
    opds.push({ code, name, orgUnitPath: ou || "/", group, ccEmail: cc });
  });
  if (opds.length > 0) config.opds = opds;

  const holidays: HolidayEntry[] = [];
  t.holidays.slice(1).forEach((r, i) => {
    const [date = "", name = "", kind = ""] = r.map((x) => String(x ?? "").trim());
    if (!date && !name) return;
    const iso = normaliseDate(date);
    if (!iso) {
      problems.push({
        sheet: SHEETS.holidays,
        row: i + 2,
        key: date,
        message: `Tanggal "${date}" tidak dapat dibaca: tulis sebagai 2026-12-25.`,
      });
      return;
    }
    holidays.push({ date: iso, name, kind: /^cuti/i.test(kind) ? "cuti" : "libur" });
  });
  config.time.holidays = holidays;
  return { config, problems };
}

/** "2026-12-25", "25/12/2026" or "25-12-2026" → "2026-12-25". */
export function normaliseDate(s: string): string | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?$/.exec(s);
  if (m) return iso(+m[3]!, +m[2]!, +m[1]!);
  return null;
}

function iso(y: number, mo: number, d: number): string | null {
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
