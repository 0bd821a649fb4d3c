/**
 * `npm start`, a departure (issue 12): an employee retires; the OPD files "Berhenti" on the
 * Layanan Akun form with its letter and the effective date (TMT) a few days ahead. The chain
 * approves it, the staff choose "Jalankan permohonan", and the request waits ("menunggu tanggal"); the
 * sweep the day before changes nothing, the sweep on the day notes the account's groups in the
 * log and the register, suspends the account (not deleted) and takes it out of its groups.
 */
import type { ExecutionResult } from "gas-emulator";
import { directoryState } from "gas-emulator/testkit";
import { act, log, register, runWorkers, type Office } from "../test/flows/harness.js";
import { serviceAnswers, submitService } from "../test/flows/services-kit.js";

export interface DepartureKit {
  say: (s: string) => void;
  record: (r: ExecutionResult[] | ExecutionResult) => void;
}

const DAY = 86_400_000;
/** yyyy-MM-dd of a WIB calendar day. */
const wibDay = (ms: number): string => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
const wibMidnight = (day: string): number => Date.parse(`${day}T00:00:00Z`) - 7 * 3_600_000;

export async function scenarioDeparture(office: Office, kit: DepartureKit): Promise<void> {
  const { say, record } = kit;
  say("\n13. Pegawai berhenti (pensiun): akun ditangguhkan pada tanggal berlaku, tidak dihapus");
  const holder = register(office).find((r) => r.status === "selesai" && r.createdAt && r.nip);
  if (!holder) {
    say("   ! tidak ada akun untuk contoh ini");
    return;
  }
  const address = holder.addressRecorded || holder.address;
  const user = () => directoryState(office.emu.ws).users.find((u) => u.primaryEmail === address);
  const groups = () =>
    directoryState(office.emu.ws)
      .groups.filter((g) => g.members.some((m) => m.email === address))
      .map((g) => String(g.email));
  const ws = office.emu.ws;
  const effective = wibDay(ws.clockMs + 3 * DAY);
  const ticket = await submitService(
    office,
    serviceAnswers("berhenti", {
      address,
      nip: holder.nip,
      personalEmail: holder.personalEmail,
      fullName: holder.fullName,
      leaveReason: "Pensiun",
      effectiveDate: effective,
      letterNumber: "800.1.6.3/27/BKPSDM/2027",
      letterDate: wibDay(ws.clockMs),
    }),
  );
  say(
    `   ${ticket}: BKPSDM mengajukan Berhenti untuk ${address} (pensiun, TMT ${effective}); grup: ${groups().join(", ")}`,
  );
  for (const stage of office.config.stages.slice(0, -1))
    record(await act(office, stage.officials[0]!, ticket, "Teruskan (disposisi)"));
  const staf = office.config.stages[office.config.stages.length - 1]!.officials[0]!;
  record(await act(office, staf, ticket, "Jalankan permohonan"));
  record(await runWorkers(office));
  const waiting = register(office).find((r) => r.ticket === ticket)!;
  say(`   disetujui lewat rantai; staf memilih Jalankan permohonan: ${waiting.provisioning}`);
  ws.clockMs = Math.max(ws.clockMs, wibMidnight(effective) - 2 * 3_600_000);
  record(await office.emu.run("sweep", { kind: "installable" }));
  say(`   penyapuan pukul 22.00 sehari sebelumnya: akun ditangguhkan? ${user()?.suspended ? "ya" : "tidak"}`);
  ws.clockMs = Math.max(ws.clockMs, wibMidnight(effective) + 10 * 60_000);
  record(await office.emu.run("sweep", { kind: "installable" }));
  const done = register(office).find((r) => r.ticket === ticket)!;
  say(
    `   penyapuan ${effective} 00.10: akun ditangguhkan? ${user()?.suspended ? "ya" : "tidak"}; grup sekarang: ${groups().join(", ") || "(tidak ada)"}; status ${done.status}`,
  );
  say(`   Grup Dicatat di register: ${done.notedGroups}`);
  for (const e of log(office).filter(
    (x) => x.ticket === ticket && ["menunggu_tanggal", "ubah_akun"].includes(x.action),
  ))
    say(`   log #${e.seq} ${e.action}: ${e.note}`);
  say(`   akun masih ada di direktori (surel dan berkas disimpan): ${user() ? "ya" : "tidak"}`);
}
