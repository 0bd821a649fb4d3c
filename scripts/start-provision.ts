/**
 * The provisioning part of the sample scenario: the technical staff create the accounts. One
 * address was taken in the admin console after intake proposed it (a collision found at the
 * re-check), and one creation meets a 503 from the Directory API (retried with backoff).
 * "Buat akun" queues the request; the provisioning worker (a time-driven trigger, about a minute
 * later) creates the account and sends the letter. Letters (PDF) go out; out/letters/ receives
 * what the applicants received.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type ExecutionResult, apiError } from "gas-emulator";
import { seedUser } from "gas-emulator/testkit";
import { act, editCell, register, mails, runWorkers, DOMAIN, type Office } from "../test/flows/harness.js";

export interface ScenarioIo {
  say: (s: string) => void;
  record: (r: ExecutionResult[] | ExecutionResult) => void;
  step: Record<string, string>;
  /** The output directory (letters go to <out>/letters). */
  out: string;
}

export async function scenarioProvisioning(office: Office, io: ScenarioIo): Promise<void> {
  io.say("\n4. Pembuatan akun oleh staf teknis (Admin SDK Directory) dan surat pemberitahuan");
  const ready = register(office).filter((r) => r.stageKey === "staf" && r.status !== "ditahan");
  ready.forEach((r, i) => {
    if (i === 1) {
      // Someone created this address by hand in the admin console after intake proposed it.
      seedUser(office.emu.ws, { primaryEmail: r.address, name: { givenName: "Akun", familyName: "Manual" } });
      io.say(`   (alamat ${r.address} dibuat manual di konsol admin sebelum staf bertindak)`);
    }
  });
  for (const [i, r] of ready.entries()) {
    office.emu.ws.advance(6 * 60_000);
    if (i === 2) {
      office.emu.faults.inject("AdminDirectory.Users.insert", {
        times: 1,
        error: apiError("directory.users.insert", "Service unavailable. Please try again", 503),
      });
      io.say(`   (Directory API menjawab 503 sekali untuk ${r.ticket})`);
    }
    const results = await act(office, io.step.staf!, r.ticket, "Buat akun");
    io.record(results);
    const queued = register(office).find((x) => x.ticket === r.ticket)!;
    if (i === 0)
      io.say(
        `   (Buat akun: ${queued.status}, ${queued.provisioning.split(" \u00b7 ")[0]}; pekerja berjalan)`,
      );
    io.record(await runWorkers(office));
    const now = register(office).find((x) => x.ticket === r.ticket)!;
    io.say(`   ${r.ticket}  ${now.address.padEnd(40)} ${now.status.padEnd(12)} ${now.letterNumber}`);
  }
  // The collision: staff choose another address (checked like any proposal) and create again.
  const refused = register(office).find((x) => x.stageKey === "staf" && x.status === "disetujui");
  if (refused) {
    const local = refused.address.split("@")[0]!;
    const other = `${local}.${refused.opd.toLowerCase().includes("satuan polisi") ? "satpolpp" : "2"}@${DOMAIN}`;
    office.emu.ws.advance(5 * 60_000);
    const edit = await editCell(office, io.step.staf!, refused.ticket, "address", other);
    io.record(edit.results);
    const results = await act(office, io.step.staf!, refused.ticket, "Buat akun");
    io.record(results);
    io.record(await runWorkers(office));
    const now = register(office).find((x) => x.ticket === refused.ticket)!;
    io.say(
      `   ${refused.ticket}  alamat diganti staf menjadi ${now.address}: ${now.status} ${now.letterNumber}`,
    );
  }
  // Letters as the applicants received them.
  const dir = resolve(io.out, "letters");
  mkdirSync(dir, { recursive: true });
  let n = 0;
  for (const m of mails(office)) {
    for (const a of m.attachments) {
      if (a.contentType !== "application/pdf") continue;
      writeFileSync(join(dir, a.name.replace(/[^\w.-]+/g, "_")), a.bytes);
      n++;
    }
  }
  io.say(`   ${n} surat PDF terkirim (salinan di out/letters/)`);
  void DOMAIN;
}
