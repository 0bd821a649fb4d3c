/**
 * `npm start`, after the account exists (issue 12): the office records its Workspace licences; the
 * request left at the Kasi on the second day goes on to the technical staff, whose "Buat akun"
 * would take the last licence: it waits ("menunggu lisensi"), the administrators are told, and the
 * sweep creates the account once the setting is raised. No new request is added to the register.
 */
import { SHEETS } from "../src/domain/settings.js";
import type { ExecutionResult } from "../test/emulator/index.js";
import { evictAllCaches } from "../test/emulator/services/cache.js";
import { directoryState } from "../test/emulator/services/directory.js";
import { openSpreadsheet } from "../test/emulator/services/sheets/host.js";
import { act, hostWrite, mails, records, register, type Office } from "../test/flows/harness.js";

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
  say("\n3e. Lisensi Google Workspace: peringatan 90 % dan berhenti sebelum lisensi terakhir");
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
