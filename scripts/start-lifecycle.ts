/**
 * `npm start`, after the account exists (issue 12): the office records its Workspace licences; the
 * request left at the Kasi on the second day goes on to the technical staff, whose "Buat akun"
 * would take the last licence: it waits ("menunggu lisensi"), the administrators are told, and the
 * sweep creates the account once the setting is raised. No new request is added to the register.
 */
import { SHEETS } from "../src/domain/settings.js";
import type { ExecutionResult } from "gas-emulator";
import { evictAllCaches, directoryState, directoryStateObject, openSpreadsheet } from "gas-emulator/testkit";
import {
  act,
  adminRequest,
  adminRows,
  hostWrite,
  log,
  mails,
  records,
  register,
  type Office,
} from "../test/flows/harness.js";

const MINUTE = 60_000;

export interface LifecycleKit {
  say: (s: string) => void;
  record: (r: ExecutionResult[] | ExecutionResult) => void;
}

function setSetting(office: Office, key: string, value: string): void {
  const i = records(office, SHEETS.settings).findIndex((r) => Object.values(r)[0] === key);
  if (i < 0) return;
  hostWrite(office, SHEETS.settings, `B${i + 2}`, [[value]]);
  evictAllCaches(office.emu.ws);
}

const licensed = (office: Office): number =>
  directoryState(office.emu.ws).users.filter((u) => !u.deletionTime && u.archived !== true).length;

export async function scenarioLicences(office: Office, kit: LifecycleKit): Promise<void> {
  const { say, record } = kit;
  say("\n8. Lisensi Google Workspace: peringatan 90 % dan berhenti sebelum lisensi terakhir");
  const waiting = register(office).find((r) => r.status === "diproses" && r.stageKey === "kasi");
  if (!waiting) {
    say("   ! tidak ada permohonan di Kasi");
    return;
  }
  const used = licensed(office);
  setSetting(office, "lisensi", String(used + 1));
  say(`   Pengaturan lisensi = ${used + 1}; akun di direktori: ${used}`);
  const staf = office.config.stages[office.config.stages.length - 1]!.officials[0]!;
  const kasi = office.config.stages[office.config.stages.length - 2]!.officials[0]!;
  const before = mails(office).length;
  record(await act(office, kasi, waiting.ticket, "Teruskan (disposisi)"));
  office.emu.ws.advance(5 * MINUTE);
  record(await act(office, staf, waiting.ticket, "Buat akun"));
  const stopped = register(office).find((r) => r.ticket === waiting.ticket)!;
  say(`   ${waiting.ticket} ${stopped.status}: ${stopped.provisioning}`);
  for (const m of mails(office)
    .slice(before)
    .filter((x) => x.to.some((e) => office.config.admins.includes(e))))
    say(
      `   surel \u2192 ${m.to.join(", ")}: ${m.subject}\n     ${m.body.split("\n").find((l) => l.includes("lisensi")) ?? ""}`,
    );
  setSetting(office, "lisensi", String(used + 3));
  say(`   Administrator menaikkan pengaturan lisensi menjadi ${used + 3}`);
  record(await office.emu.advance(10 * MINUTE));
  const done = register(office).find((r) => r.ticket === waiting.ticket)!;
  say(`   penyapuan melanjutkan: ${waiting.ticket} ${done.status} ${done.address} ${done.letterNumber}`);
  const dash = openSpreadsheet(office.emu.ws, office.ssId).getSheetByName("Dasbor");
  if (dash) say(`   Dasbor: ${dash.getRange("A2").getDisplayValue()}`);
}

/** 09:00 WIB of a day. */
const nineAm = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d, 2, 0);

/**
 * Accounts never used: the clock jumps (the sweep run at each stop, as its trigger would) to the
 * reminders before the temporary passwords expire, the OPDs' monthly list after, and the proposal
 * to suspend after usul_tangguhkan_hari = 30 days, which an administrator confirms on the admin sheet.
 * Runs last: the sample's day is over.
 */
export async function scenarioUnused(office: Office, kit: LifecycleKit): Promise<void> {
  const { say, record } = kit;
  say("\n11. Akun yang belum pernah dipakai (jam virtual melompat ke Desember dan Januari)");
  setSetting(office, "usul_tangguhkan_hari", "30");
  const opdSheet = records(office, SHEETS.opds);
  opdSheet.forEach((r, i) => {
    const code = String(Object.values(r)[0] ?? "").toLowerCase();
    if (code) hostWrite(office, SHEETS.opds, `E${i + 2}`, [[`tu.${code}@${office.config.domain}`]]);
  });
  evictAllCaches(office.emu.ws);
  say("   Pengaturan usul_tangguhkan_hari = 30; tiap OPD punya alamat Tembusan Surat");
  const done = register(office).filter((r) => r.status === "selesai" && r.createdAt);
  const first = done[0];
  if (first) {
    const rec = directoryState(office.emu.ws).users.find((u) => u.primaryEmail === first.address);
    if (rec) {
      signInHost(office, first.address, nineAm(2026, 11, 24));
      say(`   ${first.address} masuk pertama kali pada 24 November; akun lain belum pernah dipakai`);
    }
  }
  const stops: [string, number][] = [
    [
      "Jumat 4 Desember 16.00 (kurang dari 3 hari sebelum kata sandi sementara berakhir)",
      nineAm(2026, 12, 4) + 7 * 3_600_000,
    ],
    ["Selasa 8 Desember (kata sandi sementara berakhir)", nineAm(2026, 12, 8)],
    ["Senin 4 Januari 2027 (lebih dari 30 hari)", nineAm(2027, 1, 4)],
  ];
  for (const [label, ms] of stops) {
    const before = mails(office).length;
    const ws = office.emu.ws;
    ws.clockMs = Math.max(ws.clockMs, ms);
    record(await office.emu.run("sweep", { kind: "installable" }));
    say(`   ${label}:`);
    const sent = mails(office).slice(before);
    const shown = sent.filter((m) =>
      /Segera masuk|belum pernah dipakai|Usul penangguhan|tidak berlaku lagi/.test(m.subject),
    );
    for (const m of shown) say(`     surel \u2192 ${m.to.join(", ")}: ${m.subject}`);
    if (shown.length === 0) say("     (tidak ada)");
  }
  const proposed = log(office).find((e) => e.action === "usul_tangguhkan");
  if (proposed) {
    const asked = await adminRequest(office, office.config.admins[0]!, "suspend", {
      ticket: proposed.ticket,
    });
    record(asked.results);
    say(`   Administrator menyetujui di lembar Permintaan Admin: ${adminRows(office).pop()?.result ?? "?"}`);
    const again = await adminRequest(office, office.config.admins[0]!, "suspend", {
      ticket: proposed.ticket,
    });
    record(again.results);
    say(`   Diminta sekali lagi: ${adminRows(office).pop()?.result ?? "?"}`);
  }
}

function signInHost(office: Office, address: string, ms: number): void {
  const rec = [...directoryStateObject(office.emu.ws).users.values()].find(
    (u) => String(u.user.primaryEmail).toLowerCase() === address.toLowerCase(),
  );
  if (rec) rec.user.lastLoginTime = new Date(ms).toISOString();
}
