/**
 * `npm start`, the account services form (issue #12): someone who knows an account's address and
 * its holder's NIP asks for a password reset with his own personal e-mail (the staff see what did
 * not match and reject it; he gets the generic receipt and nothing else), then the holder asks
 * with the data on record: the staff carry it out, a new temporary password goes in a reset letter
 * to the recovery address on record only, and it opens the account with a change forced.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type ExecutionResult, submitResponse } from "gas-emulator";
import { checkUserPassword, directoryUser } from "gas-emulator/testkit";
import { act, mails, register, row, runWorkers, type Office } from "../test/flows/harness.js";
import { passwordInLetterBytes } from "../test/flows/provision-kit.js";
import { serviceAnswers, servicesFormId } from "../test/flows/services-kit.js";

export interface ServicesKit {
  say: (s: string) => void;
  record: (r: ExecutionResult[] | ExecutionResult) => void;
  out: string;
}

const MINUTE = 60_000;

async function ask(office: Office, kit: ServicesKit, answers: Record<string, string>): Promise<string> {
  submitResponse(office.emu.ws, servicesFormId(office), answers);
  const results = await office.emu.drain();
  kit.record(results);
  const intake = results.find((r) => r.handler === "onFormSubmit");
  return String((intake?.returnValue as { ticket?: string } | null)?.ticket ?? "?");
}

export async function scenarioReset(office: Office, kit: ServicesKit): Promise<void> {
  const { say, record } = kit;
  say("\n9. Layanan akun: atur ulang kata sandi (formulir Layanan Akun, hanya ke surel pemulihan tercatat)");
  const done = register(office).find((r) => r.status === "selesai" && r.requestType === "akun baru" && r.nip);
  if (!done) {
    say("   ! tidak ada akun yang sudah dibuat");
    return;
  }
  const address = done.addressRecorded;
  const staf = office.config.stages[office.config.stages.length - 1]!.officials[0]!;
  office.emu.ws.advance(30 * MINUTE);

  // Someone who knows the address and the NIP (printed on official papers) tries with his own e-mail.
  const attacker = "orang.lain.sekali@gmail.com";
  const bad = await ask(
    office,
    kit,
    serviceAnswers("reset_sandi", {
      address,
      nip: done.nip,
      personalEmail: attacker,
      fullName: done.fullName,
    }),
  );
  say(`   ${bad}  ${address}, NIP benar, surel pribadi ${attacker}: tanda terima umum ke pengirim`);
  for (const line of row(office, bad).duplicate.split("\n")) say(`       ${line}`);
  record(
    await act(
      office,
      staf,
      bad,
      "Tolak",
      "Surel pribadi tidak cocok dengan catatan direktori; pemilik akun dihubungi.",
    ),
  );
  const his = mails(office).filter((m) => m.to.includes(attacker));
  say(
    `   ${bad}  ditolak staf; yang diterima ${attacker}: ${his.map((m) => `\u201c${m.subject}\u201d${m.attachments.length ? " +lampiran" : ""}`).join(", ")}`,
  );

  // The holder asks with the data on record.
  office.emu.ws.advance(20 * MINUTE);
  const ticket = await ask(
    office,
    kit,
    serviceAnswers("reset_sandi", {
      address,
      nip: done.nip,
      personalEmail: done.personalEmail,
      fullName: done.fullName,
    }),
  );
  const at = row(office, ticket);
  say(`   ${ticket}  ${at.requestType}: ${at.status} di ${at.stage} (${at.responsible})`);
  for (const line of at.duplicate.split("\n")) say(`       ${line}`);
  const before = mails(office).length;
  record(await act(office, staf, ticket, "Jalankan permohonan"));
  record(await runWorkers(office));
  const after = row(office, ticket);
  const letter = mails(office)
    .slice(before)
    .find((m) => m.attachments.some((a) => a.contentType === "application/pdf"));
  if (!letter) {
    say(`   ! ${ticket}: ${after.status} ${after.provisioning}`);
    return;
  }
  const password = passwordInLetterBytes(letter);
  const works = checkUserPassword(office.emu.ws, address, password);
  const forced = directoryUser(office.emu.ws, address)?.changePasswordAtNextLogin === true;
  say(
    `   ${ticket}  ${after.status}, surat ${after.letterNumber} ke ${letter.to.join(", ")} (surel pemulihan tercatat)`,
  );
  say(
    `       kata sandi dalam surat ${works ? "membuka" : "TIDAK membuka"} akun ${address}; ${forced ? "wajib diganti saat masuk" : "TIDAK wajib diganti"}; tidak disimpan di mana pun`,
  );
  const dir = resolve(kit.out, "letters");
  mkdirSync(dir, { recursive: true });
  for (const a of letter.attachments)
    if (a.contentType === "application/pdf")
      writeFileSync(join(dir, `reset-${a.name.replace(/[^\w.-]+/g, "_")}`), a.bytes);
}
