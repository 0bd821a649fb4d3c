/**
 * The status page and complaints part of the sample scenario: an applicant checks the status page
 * with the ticket and the code from the receipt (in headless Chromium on a phone-sized screen
 * when the system has Chromium: out/status-page.png; the page's HTML always: out/status-page.html),
 * someone tries a wrong code, and a complaint is filed on the page and answered by two handlers.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { COMPLAINT_SHEET, complaintColumn } from "../src/workspace/complaints.js";
import { serveWebApp, servedPage, webAppGet } from "gas-emulator";
import { columnLetter } from "gas-emulator/testkit";
import { editRange, mailsTo, records, register, type Office } from "../test/flows/harness.js";
import { complain, lookup, readable, receiptCode } from "../test/flows/status-kit.js";
import type { ScenarioIo } from "./start-provision.js";

const CHROMIUM = [process.env.CHROMIUM_PATH ?? "", "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p) => p !== "" && existsSync(p),
);

async function screenshot(office: Office, ticket: string, code: string, file: string): Promise<string> {
  if (!CHROMIUM) return "Chromium tidak ditemukan (apt-get install chromium): tangkapan layar dilewati";
  const { chromium } = await import("playwright-core");
  const served = await serveWebApp(office.emu);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const page = await (
      await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      })
    ).newPage();
    await page.goto(served.url);
    await page.fill("#ticket", ticket);
    await page.fill("#code", code);
    await page.click("#lookup button");
    await page.waitForSelector("#status");
    await page.screenshot({ path: file, fullPage: true });
    return `tangkapan layar ponsel: ${relative(process.cwd(), file)}`;
  } finally {
    await browser.close();
    await served.close();
  }
}

export async function scenarioStatusPage(office: Office, io: ScenarioIo): Promise<void> {
  io.say("\n7. Pemohon memeriksa halaman status; pengaduan diajukan dan ditanggapi");
  // An applicant whose request is still on its way.
  const open = register(office).find((r) => r.status === "diproses" || r.status === "baru");
  if (open) {
    const code = receiptCode(office, open.personalEmail, open.ticket);
    const r = await lookup(office, open.ticket, code);
    io.say(`   ${open.ticket} dengan kode dari tanda terima:`);
    for (const line of readableLines(r.html)) io.say(`     | ${line}`);
    const wrong = await lookup(office, open.ticket, "AAAA-BBBB-CCCC");
    io.say(`   ${open.ticket} dengan kode salah: ${readable(wrong.html)}`);
    const { output } = await webAppGet(office.emu);
    writeFileSync(
      join(io.out, "status-page.html"),
      servedPage(output).replace(
        '<div id="lookup-result" class="result" aria-live="polite"></div>',
        `<div id="lookup-result" class="result">${r.html}</div>`,
      ),
    );
    io.say(`   ${await screenshot(office, open.ticket, code, join(io.out, "status-page.png"))}`);
  }

  // A citizen complains; the head of e-Government answers, technical support closes it.
  const filed = await complain(office, {
    name: "Rina Warga",
    email: "rina.warga@gmail.com",
    ticket: open?.ticket ?? "",
    text: "Sudah lewat satu hari kerja, permohonan kami belum juga selesai.",
  });
  const number = /ADU-\d{4}-\d{4}/.exec(readable(filed.html))?.[0];
  io.say(`   Pengaduan: ${readable(filed.html)}`);
  if (!number) return;
  const row = records(office, COMPLAINT_SHEET).findIndex((x) => x.Nomor === number) + 2;
  const cell = (key: "action" | "response") => `${columnLetter(complaintColumn(key))}${row}`;
  const answer = async (who: string, response: string, action: string): Promise<void> => {
    office.emu.ws.advance(20 * 60_000);
    io.record((await editRange(office, who, COMPLAINT_SHEET, cell("response"), [[response]])).results);
    io.record((await editRange(office, who, COMPLAINT_SHEET, cell("action"), [[action]])).results);
    const status = records(office, COMPLAINT_SHEET).find((x) => x.Nomor === number)?.Status;
    io.say(`   ${number}  ${who.padEnd(32)} ${action.padEnd(12)} \u2192 ${status}`);
  };
  await answer(
    office.config.complaintDesk.handlers[1] ?? office.config.admins[0]!,
    "Permohonan Anda sedang diperiksa; mohon maaf atas keterlambatannya.",
    "Tanggapi",
  );
  await answer(
    office.config.complaintDesk.handlers[2] ?? office.config.admins[0]!,
    "Permohonan sudah kami teruskan ke staf teknis untuk dibuatkan akun hari ini.",
    "Selesaikan",
  );
  io.say(
    `   Pengadu menerima ${mailsTo(office, "rina.warga@gmail.com").length} surel (tanda terima dan dua tanggapan)`,
  );
}

/** What the page shows, one line per heading, paragraph, term or list item (for the console). */
function readableLines(html: string): string[] {
  return html
    .split(/<\/(?:h\d|p|dt|dd|li|div)>|<br\s*\/?>/i)
    .map(readable)
    .filter((line) => line !== "");
}
