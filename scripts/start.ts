/**
 * The main job on the embedded workspace: a sample office (Pemerintah Kota Contoh) in the
 * in-memory Google Workspace runs the built bundle (dist/Code.js) through a working day:
 * setup, applications from the form (the interesting cases), the officials' dispositions, the
 * sweep, the log check. Prints a summary and writes out/.
 *
 *   npm start                                  the sample scenario
 *   npm start -- --responses FILE.csv          a CSV exported from the office's real form instead
 *   npm start -- --responses FILE.csv --locale en_US   … exported from a spreadsheet in the US locale
 *   npm start -- --out DIR                     write somewhere else than out/
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { calendarFromConfig, workingMinutesBetween, formatDurationId } from "../src/domain/calendar.js";
import { SHEET_NAMES } from "../src/workspace/schema.js";
import { dateOrderOf, FUTURE_TOLERANCE_MS, parseTimestamp } from "../src/domain/locale.js";
import {
  createOffice,
  application,
  correctionOf,
  submit,
  act,
  editCell,
  register,
  log,
  mails,
  errorLog,
  ADMIN,
  adminRequest,
  adminRows,
  OUTSIDER,
  SERVICE,
  DOMAIN,
  type Office,
} from "../test/flows/harness.js";
import type { ExecutionResult, Workspace } from "gas-emulator";
import {
  seedUser,
  seedGroup,
  directoryState,
  writeOutbox,
  openSpreadsheet,
  sheetToTable,
  toCsv,
  parseFormsCsv,
} from "gas-emulator/testkit";
import type { OfficeConfig } from "../src/domain/config.js";
import { seedOpdDirectory } from "../test/flows/tenant-kit.js";
import { scenarioStatusPage } from "./start-status.js";
import { appendResponses } from "../test/flows/responses-door.js";
import { scenarioProvisioning } from "./start-provision.js";
import { scenarioReset } from "./start-services.js";
import { scenarioLicences, scenarioUnused } from "./start-lifecycle.js";
import { scenarioDeparture } from "./start-departure.js";
import { scenarioTimeStandard } from "./start-timestd.js";
import { scenarioDoctor } from "./start-doctor.js";
import { scenarioBatch } from "./start-batch.js";

const args = process.argv.slice(2);
const argValue = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const OUT = resolve(argValue("--out") ?? "out");
const RESPONSES = argValue("--responses");
/** The locale of the office's spreadsheet (its export writes dates in it): id_ID unless told. */
const LOCALE = argValue("--locale") ?? "id_ID";

const MINUTE = 60_000;
const executions: ExecutionResult[] = [];
const record = (rs: ExecutionResult[] | ExecutionResult): void => {
  for (const r of Array.isArray(rs) ? rs : [rs]) {
    executions.push(r);
    if (!r.ok) console.log(`  ! ${r.handler} gagal: ${r.error?.message ?? "?"}`);
  }
};
const say = (s: string): void => console.log(s);

/** Accounts, groups and org units the office already has (before setup, which checks them). */
function seedDirectory(ws: Workspace, config: OfficeConfig): void {
  // The office's organisational units and staff groups, one per OPD, as its administrators set them up.
  seedOpdDirectory(ws, config);
  seedUser(ws, {
    primaryEmail: `budi.santoso@${DOMAIN}`,
    name: { givenName: "Budi", familyName: "Santoso" },
    externalIds: [{ type: "organization", value: "197805122005011003" }],
    orgUnitPath: "/OPD/BKPSDM",
    lastLoginTime: "2026-10-01T02:00:00.000Z",
  });
  seedUser(ws, {
    primaryEmail: `siti.rahmawati@${DOMAIN}`,
    name: { givenName: "Siti", familyName: "Rahmawati" },
    externalIds: [{ type: "organization", value: "199001012015032001" }],
    aliases: [`humas@${DOMAIN}`],
    orgUnitPath: "/OPD/Diskominfo",
  });
  seedGroup(ws, { email: `diskominfo@${DOMAIN}`, name: "Diskominfo" });
  seedGroup(ws, { email: `bappeda@${DOMAIN}`, name: "Bappeda" });
}

const K = {
  kadis: `kadis@${DOMAIN}`,
  sekdis: `sekdis@${DOMAIN}`,
  kabid: `kabid.egov@${DOMAIN}`,
  kasi: `kasi.pksi@${DOMAIN}`,
  staf: `staf.pksi@${DOMAIN}`,
  outsider: `bukan.pejabat@${DOMAIN}`,
};

interface Sample {
  label: string;
  answers: Record<string, string>;
  opts?: { duplicateDelivery?: boolean };
}

const SAMPLES: Sample[] = [
  {
    label: "gelar depan dan belakang",
    answers: application({ "Nama lengkap": "Dr. Ir. H. Ahmad Fauzi, S.T., M.T." }),
  },
  {
    label: "nama satu kata",
    answers: application({
      "Nama lengkap": "SUKARNO",
      "NIP / NI PPPK": "197208171998031004",
      "Surel pribadi": "sukarno72@yahoo.co.id",
      "Perangkat daerah": "Satuan Polisi Pamong Praja",
      Jabatan: "Kepala Seksi Ketertiban Umum",
    }),
  },
  {
    label: "PPPK, nama Bali",
    answers: application({
      "Nama lengkap": "Ni Luh Putu Ayu Lestari, S.Kom.",
      "Status kepegawaian": "PPPK",
      "NIP / NI PPPK": "199203152023212005",
      "Surel pribadi": "ayu.lestari92@gmail.com",
      "Perangkat daerah": "Dinas Kesehatan",
      Jabatan: "Pranata Komputer Ahli Pertama",
      "Nomor HP/WhatsApp": "+62 857 1234 5678",
    }),
  },
  {
    label: "sudah punya akun (NIP di direktori)",
    answers: application({
      "Nama lengkap": "Budi Santoso, S.E.",
      "NIP / NI PPPK": "197805122005011003",
      "Surel pribadi": "budi.santoso78@gmail.com",
      "Perangkat daerah": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
      Jabatan: "Analis Kepegawaian",
    }),
  },
  {
    label: "NIP tidak sah (bulan lahir 13)",
    answers: application({
      "Nama lengkap": "Dewi Kartika",
      "NIP / NI PPPK": "198513302010012003",
      "Surel pribadi": "dewi.kartika@gmail.com",
      "Perangkat daerah": "Dinas Pendidikan",
      Jabatan: "Guru",
    }),
  },
  {
    label: "teks berbahaya (rumus, HTML)",
    answers: application({
      "Nama lengkap": "Rina Marlina",
      "NIP / NI PPPK": "199107242019032011",
      Jabatan: '=HYPERLINK("http://contoh.test/x","Klik di sini")',
      "Surel pribadi": "rina.marlina@gmail.com",
      "Nomor surat permohonan": "<script>alert('x')</script>",
      "Usulan nama akun": "rina.marlina",
    }),
  },
  {
    label: "non-ASN (tenaga kontrak)",
    answers: application({
      "Nama lengkap": "Rudi Hartono",
      "Status kepegawaian": "Non-ASN",
      "NIP / NI PPPK": "",
      "Surel pribadi": "rudi.hartono@gmail.com",
      Jabatan: "Operator Komputer",
      "Perangkat daerah": "Kecamatan Contoh Utara",
    }),
  },
  {
    label: "akun unit kerja",
    answers: application({
      "Nama lengkap": "Hendra Gunawan, S.IP.",
      "NIP / NI PPPK": "198011122006041009",
      "Jenis akun": "Unit Kerja",
      "Nama unit kerja (khusus akun Unit Kerja)": "Bidang Statistik Sektoral",
      "Singkatan unit kerja (khusus akun Unit Kerja)": "STATISTIK",
      "Surel pribadi": "hendra.gunawan@gmail.com",
      "Perangkat daerah": "Badan Perencanaan Pembangunan Daerah",
      Jabatan: "Kepala Bidang Statistik",
    }),
  },
  {
    label: "nama sudah dipakai orang lain",
    answers: application({
      "Nama lengkap": "Siti Rahmawati, A.Md.",
      "NIP / NI PPPK": "199505052020122004",
      "Surel pribadi": "siti.rahma95@gmail.com",
      "Perangkat daerah": "Dinas Kependudukan dan Pencatatan Sipil",
      Jabatan: "Pengadministrasi Umum",
    }),
  },
  {
    label: "permohonan ganda (NIP sama dengan no. 1), terkirim dua kali",
    answers: application({ "Nama lengkap": "Ahmad Fauzi", "Surel pribadi": "fauzi.ahmad@gmail.com" }),
    opts: { duplicateDelivery: true },
  },
];

async function runSamples(office: Office): Promise<string[]> {
  say("\n2. Permohonan masuk dari formulir");
  const tickets: string[] = [];
  for (const s of SAMPLES) {
    office.emu.ws.advance(7 * MINUTE);
    const before = new Set(register(office).map((r) => r.ticket));
    const { results } = await submit(office, s.answers, s.opts ?? {});
    record(results);
    const created = register(office).filter((r) => !before.has(r.ticket));
    for (const r of created) {
      tickets.push(r.ticket);
      say(`   ${r.ticket}  ${r.fullName.padEnd(38)} ${r.status.padEnd(16)} ${s.label}`);
    }
    if (s.opts?.duplicateDelivery)
      say(`   (peristiwa yang sama dikirim dua kali: ${results.length} eksekusi, ${created.length} baris)`);
  }
  return tickets;
}

async function runDispositions(office: Office, t: string[]): Promise<void> {
  say("\n3. Disposisi oleh pejabat (mengubah kolom Tindakan di register)");
  const step = async (who: string, ticket: string, action: string, note = "", label = ""): Promise<void> => {
    office.emu.ws.advance(9 * MINUTE);
    const results = await act(office, who, ticket, action, note);
    record(results);
    const last = results[results.length - 1];
    const out = last?.returnValue as { kind?: string; reason?: string } | undefined;
    const verdict =
      out?.kind === "applied"
        ? "diterapkan"
        : out?.kind === "refused"
          ? `DIBATALKAN: ${out.reason}`
          : String(out?.kind);
    say(`   ${ticket}  ${who.padEnd(32)} ${action.padEnd(28)} ${verdict}${label ? `  (${label})` : ""}`);
  };
  const open = register(office)
    .filter((r) => r.status === "baru")
    .map((r) => r.ticket);
  // Someone without a role tries, and the Kasi tries before his turn: both undone.
  await step(K.outsider, open[0]!, "Teruskan (disposisi)", "", "bukan pejabat");
  for (const ticket of open) await step(K.kadis, ticket, "Teruskan (disposisi)");
  await step(K.kasi, open[0]!, "Teruskan (disposisi)", "", "belum tahapnya");
  const dup = t[t.length - 1]!;
  await step(K.kabid, dup, "Tolak", "", "tanpa alasan");
  await step(K.kabid, dup, "Tolak", `Permohonan ganda: NIP yang sama sudah diajukan dengan tiket ${t[0]}.`);
  const existing = register(office).find((r) => r.nip === "197805122005011003")!.ticket;
  await step(
    K.kabid,
    existing,
    "Kembalikan untuk perbaikan",
    "Pemohon sudah memiliki akun budi.santoso@contohkota.go.id; gunakan layanan reset sandi bila lupa.",
  );
  for (const r of register(office).filter((x) => x.stageKey === "kabid"))
    await step(K.kabid, r.ticket, "Setujui dan teruskan");
  const held = register(office).find((r) => r.stageKey === "kasi")!.ticket;
  await step(K.kasi, held, "Tahan", "Menunggu konfirmasi kepala OPD.");
  for (const r of register(office).filter((x) => x.stageKey === "kasi" && x.status !== "ditahan"))
    await step(K.kasi, r.ticket, "Teruskan (disposisi)");
  office.emu.ws.advance(30 * MINUTE);
  await step(K.kasi, held, "Lanjutkan");
  await step(K.kasi, held, "Teruskan (disposisi)");
  // A paste over several action cells is refused whole.
  const rows = register(office)
    .filter((r) => r.stageKey === "staf")
    .slice(0, 3);
  if (rows.length >= 2) {
    const { userEdit } = await import("gas-emulator");
    const { REGISTER_COLUMNS } = await import("../src/workspace/schema.js");
    const { columnLetter } = await import("gas-emulator/testkit");
    const col = columnLetter(REGISTER_COLUMNS.findIndex((c) => c.key === "action") + 1);
    const first = Math.min(...rows.map((r) => r._row));
    const edit = userEdit(
      office.emu.ws,
      K.staf,
      { spreadsheetId: office.ssId, sheet: SHEET_NAMES.register, a1: `${col}${first}:${col}${first + 1}` },
      [["Buat akun"], ["Buat akun"]],
    );
    const results = edit.ok ? await office.emu.drain() : [];
    record(results);
    say(
      `   (tempel 2 sel Tindakan sekaligus oleh ${K.staf}: ${edit.ok ? "dibatalkan oleh program" : `ditolak Sheets: ${edit.error}`})`,
    );
  }
}

async function importResponses(office: Office, file: string): Promise<void> {
  say(`\n2. Respons dari ${file}`);
  const records = parseFormsCsv(readFileSync(file, "utf8"));
  const ss = openSpreadsheet(office.emu.ws, office.ssId);
  const sheet = ss.getSheetByName(SHEET_NAMES.responses);
  if (!sheet) throw new Error("lembar respons tidak ada");
  const isStamp = (k: string): boolean => /^(Timestamp|Stempel waktu|Cap waktu)$/i.test(k);
  // An export whose timestamps only read in the other day/month order is not in LOCALE: its
  // ambiguous dates ("11/3/2026") would be stored wrong without a word. Nothing is imported.
  const given = dateOrderOf(LOCALE);
  if (given !== "ymd") {
    const other = given === "mdy" ? "dmy" : "mdy";
    const now = office.emu.ws.now();
    const usable = (ms: number | null): boolean => ms !== null && ms <= now + FUTURE_TOLERANCE_MS;
    const stamps = records.map((r) => Object.entries(r).find(([k]) => isStamp(k))?.[1] ?? "");
    const row = stamps.findIndex(
      (st) => !usable(parseTimestamp(st, given, 420)) && usable(parseTimestamp(st, other, 420)),
    );
    if (row >= 0) {
      const order = other === "mdy" ? "bulan/hari/tahun" : "hari/bulan/tahun";
      const hint = other === "mdy" ? "en_US" : "id_ID";
      say(`   Lokal spreadsheet: ${LOCALE}`);
      say(
        `   DITOLAK: stempel waktu "${stamps[row]}" (baris ${row + 2} berkas) hanya masuk akal dibaca ${order}: ` +
          `ekspor ini bukan dari spreadsheet berlokal ${LOCALE}, dan tanggal yang ambigu (mis. 11/3/2026) akan ` +
          `tersimpan keliru. Tidak ada respons yang dimasukkan. Jalankan lagi dengan --locale ${hint}.`,
      );
      process.exitCode = 1;
      return;
    }
  }
  // The export's dates are in its spreadsheet's locale: the emulated spreadsheet gets the same one,
  // and the rows go in as text, as typed; the program reads them by the locale (never guessing).
  ss.setSpreadsheetLocale(LOCALE);
  say(`   Lokal spreadsheet: ${LOCALE} (ubah dengan --locale, mis. --locale en_US)`);
  // The rows are written as the form writes them (an answer is text, never a formula).
  const { unknown } = appendResponses(office, records);
  if (unknown.length)
    say(`   Kolom CSV yang tidak ada di formulir (disimpan, dicatat di Log Galat): ${unknown.join(", ")}`);
  say(`   ${records.length} respons dimasukkan ke lembar respons; penyapuan memprosesnya.`);
  for (let i = 0; i < 200; i++) {
    const r = await office.emu.run("sweep", { kind: "installable" });
    record(r);
    const v = r.returnValue as { recovered: string[]; pending: number } | undefined;
    if (!v || v.pending === 0) break;
  }
  for (const r of register(office))
    say(`   ${r.ticket}  ${r.fullName.padEnd(38)} ${r.status.padEnd(16)} ${r.problems.split("\n")[0] ?? ""}`);
  // Timestamps the locale could not read, or that lay in the future, are named in the error log.
  for (const e of errorLog(office).filter((x) => /Stempel waktu|timestamp/i.test(x["Pesan"] ?? "")))
    say(`   Log Galat (${e["Tiket"] || "-"}): ${e["Pesan"]}`);
}

function stageTimes(office: Office): Record<string, Record<string, number>> {
  const cal = calendarFromConfig(office.config);
  const labels = new Map(office.config.stages.map((s) => [s.key, s.label]));
  const byTicket = new Map<string, { at: number; to: string }[]>();
  const entries = log(office);
  const ss = openSpreadsheet(office.emu.ws, office.ssId);
  const times = ss
    .getSheetByName(SHEET_NAMES.log)!
    .getRange(2, 2, Math.max(1, entries.length), 1)
    .getValues();
  entries.forEach((e, i) => {
    if (e.from === e.to) return;
    const at = (times[i]?.[0] as Date).getTime();
    const list = byTicket.get(e.ticket) ?? [];
    list.push({ at, to: e.to });
    byTicket.set(e.ticket, list);
  });
  const out: Record<string, Record<string, number>> = {};
  const end = office.emu.ws.now();
  for (const [ticket, list] of byTicket) {
    const per: Record<string, number> = {};
    list.forEach((e, i) => {
      const stage = e.to.split("/")[1];
      if (!stage) return;
      const until = list[i + 1]?.at ?? end;
      const label = labels.get(stage) ?? stage;
      per[label] = (per[label] ?? 0) + workingMinutesBetween(e.at, until, cal);
    });
    out[ticket] = per;
  }
  return out;
}

function handlerStats(): Record<
  string,
  {
    executions: number;
    failed: number;
    calls: number;
    callsPerExecution: number;
    modelledSeconds: number;
    modelledSecondsPerExecution: number;
  }
> {
  const out: Record<
    string,
    {
      executions: number;
      failed: number;
      calls: number;
      callsPerExecution: number;
      modelledSeconds: number;
      modelledSecondsPerExecution: number;
    }
  > = {};
  for (const r of executions) {
    const s = (out[r.handler] ??= {
      executions: 0,
      failed: 0,
      calls: 0,
      callsPerExecution: 0,
      modelledSeconds: 0,
      modelledSecondsPerExecution: 0,
    });
    s.executions++;
    if (!r.ok) s.failed++;
    s.calls += r.callCount;
    s.modelledSeconds += r.modelledMs / 1000;
  }
  for (const s of Object.values(out)) {
    s.callsPerExecution = Math.round((s.calls / s.executions) * 10) / 10;
    s.modelledSeconds = Math.round(s.modelledSeconds * 10) / 10;
    s.modelledSecondsPerExecution = Math.round((s.modelledSeconds / s.executions) * 10) / 10;
  }
  return out;
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  say("surel \u2013 Layanan Pendaftaran Surel Dinas, dijalankan pada Google Workspace tiruan (dist/Code.js)");
  say(`
1. Setup oleh akun layanan ${SERVICE} (proyek Apps Script mandiri milik akun layanan)`);
  const office = await createOffice({
    workers: 2,
    beforeSetup: (emu, config) => seedDirectory(emu.ws, config),
  });
  record(office.setup);
  for (const line of (office.setup.returnValue as { lines: string[] }).lines) say(`   ${line}`);
  say(
    `   Register dibagikan kepada ${office.config.admins.length} administrator dan para pejabat (penyunting register, peninjau proyek); tidak ada yang dapat menyunting kode.`,
  );

  let tickets: string[] = [];
  if (RESPONSES) await importResponses(office, RESPONSES);
  else {
    tickets = await runSamples(office);
    await runDispositions(office, tickets);
    await scenarioProvisioning(office, { say, record, step: K, out: OUT });
    // The applicant whose NIP was wrong corrects it with a new response naming the ticket and
    // giving the secret code from its receipt.
    const wrong = register(office).find(
      (r) => r.status === "perlu perbaikan" && r.fullName.startsWith("Dewi"),
    );
    if (wrong) {
      office.emu.ws.advance(45 * MINUTE);
      const { results } = await submit(
        office,
        application({
          "Nama lengkap": "Dewi Kartika",
          "NIP / NI PPPK": "198510302010012003",
          "Surel pribadi": "dewi.kartika@gmail.com",
          "Perangkat daerah": "Dinas Pendidikan",
          Jabatan: "Guru",
          ...correctionOf(office, wrong.ticket, "dewi.kartika@gmail.com"),
        }),
      );
      record(results);
      say(
        `\n   ${wrong.ticket} diperbaiki oleh pemohon: status sekarang \u201c${register(office).find((r) => r.ticket === wrong.ticket)!.status}\u201d`,
      );
    }
  }

  if (!RESPONSES) await scenarioTimeStandard(office, { say, record, out: OUT });

  if (!RESPONSES) await scenarioStatusPage(office, { say, record, step: K, out: OUT });

  if (!RESPONSES) await scenarioLicences(office, { say, record });

  if (!RESPONSES) await scenarioReset(office, { say, record, out: OUT });

  say("\n10. Penyapuan terjadwal dan permintaan admin di lembar Permintaan Admin");
  record(await office.emu.advance(10 * MINUTE));
  const outsider = await adminRequest(office, OUTSIDER, "verify");
  say(
    `   ${OUTSIDER} meminta pemeriksaan log: ditolak Sheets (${outsider.edit.ok ? "?" : "lembar terproteksi"})`,
  );
  const asked = await adminRequest(office, ADMIN, "verify");
  record(asked.results);
  const v = adminRows(office).pop();
  say(`   ${ADMIN} meminta pemeriksaan log; dijalankan akun layanan, log no. ${v?.logSeq ?? "?"}`);
  say(`   Keutuhan log disposisi: ${v?.result ?? "?"}`);

  if (!RESPONSES) await scenarioUnused(office, { say, record });

  if (!RESPONSES) await scenarioBatch(office, { say, record, step: K });
  if (!RESPONSES) await scenarioDeparture(office, { say, record });

  // out/
  const ss = openSpreadsheet(office.emu.ws, office.ssId);
  writeFileSync(join(OUT, "register.csv"), toCsv(sheetToTable(ss.getSheetByName(SHEET_NAMES.register)!)));
  writeFileSync(join(OUT, "log.csv"), toCsv(sheetToTable(ss.getSheetByName(SHEET_NAMES.log)!)));
  writeOutbox(office.emu.ws, join(OUT, "outbox"));
  office.emu.dump(join(OUT, "workspace"));
  rmSync(join(OUT, "workspace.json"), { force: true });
  writeFileSync(join(OUT, "directory.json"), JSON.stringify(directoryState(office.emu.ws), null, 2) + "\n");
  const rows = register(office);
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  const perStage = stageTimes(office);
  const summary = {
    office: `${office.config.office.name} ${office.config.office.government}`,
    virtualTime: new Date(office.emu.ws.now()).toISOString(),
    requests: rows.length,
    statusCounts: counts,
    handlers: handlerStats(),
    mailsSent: mails(office).length,
    stageMinutes: perStage,
  };
  writeFileSync(join(OUT, "summary.json"), JSON.stringify(summary, null, 2) + "\n");

  say("\n14. Ringkasan");
  say(
    `   Permohonan: ${rows.length}; ${Object.entries(counts)
      .map(([k, n]) => `${k}: ${n}`)
      .join(", ")}`,
  );
  say(`   Surel terkirim: ${summary.mailsSent}`);
  say("   Biaya per eksekusi (panggilan layanan, detik terhitung di model):");
  for (const [h, s] of Object.entries(summary.handlers))
    say(
      `     ${h.padEnd(16)} ${String(s.executions).padStart(3)}\u00d7  ${String(s.callsPerExecution).padStart(6)} panggilan  ${String(s.modelledSecondsPerExecution).padStart(6)} s${s.failed ? `  (${s.failed} gagal)` : ""}`,
    );
  say("   Waktu kerja per tahap (menit kerja):");
  for (const [t, per] of Object.entries(perStage))
    say(
      `     ${t}  ${Object.entries(per)
        .map(([k, m]) => `${k} ${formatDurationId(m)}`)
        .join("; ")}`,
    );
  say(
    `\n   Hasil ditulis ke ${relative(process.cwd(), OUT) || "."}: register.csv, log.csv, outbox/ (index.html), letters/, status-page.html (dan .png), directory.json, summary.json, workspace/workspace.json`,
  );

  // ── npm run doctor against the sample office's stand-in (scripts/start-doctor.ts) ──
  await scenarioDoctor(office, say);

  void ADMIN;
  void editCell;
  await office.emu.close();
}

await main();
