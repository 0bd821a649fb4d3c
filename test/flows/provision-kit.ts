/**
 * Helpers of the provisioning flow tests: an office whose directory has the OPDs' org
 * units and groups, applicants that do not collide, the way to the "Buat akun" decision, and
 * readers for the results (the applicant's letters, the password inside a letter PDF, the
 * account, the documents and Drive files).
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { SHEETS } from "../../src/domain/settings.js";
import { defaultConfig } from "../../src/domain/defaults.js";
import type { Emulator } from "gas-emulator";
import { evictAllCaches, directoryState, driveState, type SentMail } from "gas-emulator/testkit";
import { seedOpdDirectory, withDirectory } from "./tenant-kit.js";
import {
  act,
  application,
  createOffice,
  DOMAIN,
  hostWrite,
  mails,
  prepareOffice,
  records,
  row,
  runWorkers,
  submit,
  type Office,
  type OfficeOptions,
} from "./harness.js";

export const KADIS = `kadis@${DOMAIN}`;
export const KABID = `kabid.egov@${DOMAIN}`;
export const KASI = `kasi.pksi@${DOMAIN}`;
export const STAF = `staf.pksi@${DOMAIN}`;
export const SIGNER_NIP = "197001011995031001";

/** A one-stage chain (the technical staff only): for tests that need many requests quickly. */
export function staffOnly(c: ReturnType<typeof defaultConfig>): void {
  c.stages = c.stages.filter((s) => s.key === "staf");
}

/**
 * An office ready to create accounts: org units and groups of every OPD exist in the directory.
 * The harness writes the settings through the host without the text format setup uses, so a
 * signer NIP there would read back as a number: it is written again as text.
 */
export async function provisioningOffice(opts: OfficeOptions & { groups?: boolean } = {}): Promise<Office> {
  return readyForProvisioning(await createOffice(withDirectory(opts)), opts);
}

/** The same for an emulator made by the test (e.g. with a modified bundle). */
export async function provisioningOfficeIn(
  emu: Emulator,
  opts: OfficeOptions & { groups?: boolean } = {},
): Promise<Office> {
  return readyForProvisioning(await prepareOffice(emu, withDirectory(opts)), opts);
}

function readyForProvisioning(office: Office, opts: { groups?: boolean }): Office {
  const ws = office.emu.ws;
  seedOpdDirectory(ws, office.config, opts.groups !== false);
  const settings = records(office, SHEETS.settings);
  const i = settings.findIndex((r) => Object.values(r)[0] === "penandatangan_nip");
  if (i >= 0) {
    hostWrite(office, SHEETS.settings, `B${i + 2}`, [[`'${SIGNER_NIP}`]]);
    evictAllCaches(ws);
  }
  return office;
}

const SYLLABLES = ["ba", "di", "ku", "la", "mo", "ni", "pa", "ri", "sa", "tu", "wa", "ya", "ge", "ho", "je"];

function word(n: number): string {
  let s = "";
  let k = n;
  do {
    s += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  } while (k > 0);
  s += SYLLABLES[(n * 7 + 3) % SYLLABLES.length];
  return s[0]!.toUpperCase() + s.slice(1);
}

/** The n-th applicant (n ≥ 1): a unique name, NIP, phone and personal e-mail. */
export function applicant(n: number, overrides: Record<string, string> = {}): Record<string, string> {
  const last = word(n);
  const serial = String((n % 998) + 1).padStart(3, "0");
  const birthYear = 1980 + Math.floor(n / 998);
  const name = `Sari ${last}`;
  return application({
    "Nama lengkap": `${name}, S.Kom.`,
    // birth date, appointment 2010-01, gender 2 (woman), serial
    "NIP / NI PPPK": `${birthYear}0330` + "201001" + "2" + serial,
    "Nomor HP/WhatsApp": `0812${String(10_000_000 + n).slice(-8)}`,
    "Surel pribadi": `sari.${last.toLowerCase()}@gmail.com`,
    ...overrides,
  });
}

/** Submits an application; returns its ticket (from the intake's result). */
export async function newRequest(office: Office, answers: Record<string, string>): Promise<string> {
  const { results } = await submit(office, answers);
  const intake = results.find((r) => r.handler === "onFormSubmit");
  if (!intake || !intake.ok) throw new Error(`intake failed: ${intake?.error?.message ?? "no execution"}`);
  const ticket = (intake.returnValue as { ticket?: string } | null)?.ticket;
  if (!ticket) throw new Error("intake returned no ticket");
  return ticket;
}

/** Moves a request through every stage before the last (the default four-stage chain). */
export async function toLastStage(office: Office, ticket: string): Promise<void> {
  const last = office.config.stages[office.config.stages.length - 1]!;
  for (const stage of office.config.stages) {
    if (stage === last) break;
    const official = stage.officials[0]!;
    await act(office, official, ticket, "Teruskan (disposisi)");
  }
}

/**
 * The technical staff chooses "Buat akun" (the edit queues the request), then the provisioning
 * workers run until the queue is empty; returns the edit and worker executions.
 */
export async function chooseCreate(office: Office, ticket: string, as = STAF) {
  const edit = await act(office, as, ticket, "Buat akun");
  return [...edit, ...(await runWorkers(office))];
}

/** "Buat akun" only: the request is queued, no worker has run. */
export async function chooseCreateOnly(office: Office, ticket: string, as = STAF) {
  return act(office, as, ticket, "Buat akun");
}

/** A request from submission to "Buat akun". */
export async function provision(office: Office, answers: Record<string, string>): Promise<string> {
  const ticket = await newRequest(office, answers);
  await toLastStage(office, ticket);
  await chooseCreate(office, ticket);
  return ticket;
}

/** The credential letters a person received (mails with a PDF attachment naming the letter). */
export function lettersTo(office: Office, personal: string): SentMail[] {
  return mails(office).filter(
    (m) => m.to.includes(personal) && m.attachments.some((a) => a.name.startsWith("Surat Akun Surel Dinas")),
  );
}

/** The text of a PDF, page by page (pdfjs). */
export async function pdfText(bytes: Uint8Array | Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const tc = await page.getTextContent();
    pages.push(
      tc.items
        .map((it) => ("str" in it ? it.str + (it.hasEOL ? "\n" : "") : ""))
        .join("")
        .replace(/[ \t]+\n/g, "\n"),
    );
  }
  await doc.destroy();
  return pages;
}

/** The temporary password printed in a letter PDF. */
export async function passwordInLetter(mail: SentMail): Promise<string> {
  const pdf = mail.attachments.find((a) => a.contentType === "application/pdf");
  if (!pdf) throw new Error("no PDF attached");
  const text = (await pdfText(pdf.bytes)).join("\n");
  const m = /Kata sandi sementara\s*:\s*(\S+)/.exec(text);
  if (!m) throw new Error(`no password in the letter:\n${text}`);
  return m[1]!;
}

/**
 * The password as the letter PDF draws it, read straight from its (uncompressed) content stream:
 * the value cell right after the "Kata sandi sementara" label. Much faster than a full parse for
 * tests that read hundreds of letters; passwordInLetter parses with pdfjs.
 */
export function passwordInLetterBytes(mail: SentMail): string {
  const pdf = mail.attachments.find((a) => a.contentType === "application/pdf");
  if (!pdf) throw new Error("no PDF attached");
  const text = pdf.bytes.toString("latin1");
  const m = /\(Kata sandi sementara\) Tj ET\s*BT [^(]*\(: ((?:[^()\\]|\\.)+)\) Tj/.exec(text);
  if (!m) throw new Error("no password in the letter's content stream");
  return m[1]!.replace(/\\(.)/g, "$1");
}

/** Lets `minutes` of virtual time pass, then runs the sweep once (as its clock trigger would). */
export async function sweepAfter(office: Office, minutes: number) {
  office.emu.ws.advance(minutes * 60_000);
  const result = await office.emu.run("sweep", { kind: "installable" });
  if (!result.ok) throw new Error(`sweep failed: ${result.error?.message}`);
  return result;
}

/** Directory users created for a ticket (its marker in externalIds). */
export function accountsFor(office: Office, ticket: string) {
  return directoryState(office.emu.ws).users.filter((u) =>
    (u.externalIds as { customType?: string; value?: string }[] | undefined)?.some(
      (e) => e.customType === "tiket_surel" && e.value === ticket,
    ),
  );
}

/** Every Drive item (trashed ones included). */
export function driveItems(office: Office) {
  return [...driveState(office.emu.ws).items.values()];
}

export { row };
