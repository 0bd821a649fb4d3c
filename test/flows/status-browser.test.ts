/**
 * The status page end to end in a real browser: the built bundle's doGet output (rendered
 * by the emulator's HtmlService) is served by a loopback server as the web app would serve it, and
 * headless Chromium loads it on a phone-sized viewport, types the ticket and the code from the
 * receipt, and reads the answer; a wrong code gets the generic refusal; a complaint is filed from
 * the page. Screenshots are kept in out/ (out/status-page.png, out/status-page-refused.png).
 *
 * Chromium is the system's (CI installs it: .ci/run). Without it this file is skipped, and says why.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { serveWebApp, type ServedWebApp } from "gas-emulator";
import { application, mails, type Office } from "./harness.js";
import { KADIS, newRequest, provisioningOffice } from "./provision-kit.js";
import { act } from "./harness.js";
import { receiptCode } from "./status-kit.js";
import { t } from "../../src/domain/text/index.js";

const CHROMIUM = [process.env.CHROMIUM_PATH ?? "", "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p) => p !== "" && existsSync(p),
);
if (!CHROMIUM)
  console.warn(
    "status-browser.test.ts SKIPPED: no Chromium found (/usr/bin/chromium, or CHROMIUM_PATH). " +
      "Install it (apt-get install chromium) to run the browser test; CI does.",
  );

const OUT = join(import.meta.dirname, "..", "..", "out");
const PERSONAL = "ahmad.fauzi@gmail.com";

describe.skipIf(!CHROMIUM)("the status page in a phone's browser", () => {
  let office: Office;
  let served: ServedWebApp;
  let browser: Browser;
  let page: Page;
  let ticket: string;
  let code: string;

  beforeAll(async () => {
    office = await provisioningOffice();
    ticket = await newRequest(office, application({ "Surel pribadi": PERSONAL }));
    code = receiptCode(office, PERSONAL, ticket);
    await act(office, KADIS, ticket, "Teruskan (disposisi)", "Catatan internal pejabat");
    served = await serveWebApp(office.emu);
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
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
    // A phone: 390 × 844 CSS pixels, touch, the viewport meta tag honoured.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: "id-ID",
    });
    page = await context.newPage();
    mkdirSync(OUT, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await office?.emu.close();
  });

  test("the applicant reads status, stage, next step, expected completion and history", async () => {
    await page.goto(served.url);
    expect(await page.title()).toBe("Status Permohonan Surel Dinas");
    // Laid out for the phone: the page is no wider than the screen.
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await page.fill("#ticket", ticket);
    await page.fill("#code", code);
    await page.click("#lookup button");
    await page.waitForSelector("#status");
    const text = await page.innerText("#lookup-result");
    expect(text).toContain("Halo, Ahmad.");
    expect(text).toContain("diproses");
    expect(text).toContain(ticket);
    expect(text).toContain("Kepala Bidang e-Government");
    expect(text).toContain("Permohonan sedang diproses oleh Kepala Bidang e-Government.");
    expect(text).toMatch(
      /Perkiraan selesai \(dihitung dalam jam kerja\)\s+23 November 2026 pukul \d\d\.\d\d WIB/,
    );
    expect(text).toContain("Kepala Dinas (baru)");
    expect(text).not.toContain("Fauzi");
    expect(text).not.toContain("Catatan internal");
    // The font stays readable on the phone.
    const size = Number(
      await page.evaluate('parseFloat(getComputedStyle(document.querySelector("#status")).fontSize)'),
    );
    expect(size).toBeGreaterThanOrEqual(16);
    await page.screenshot({ path: join(OUT, "status-page.png"), fullPage: true });
    expect(served.calls.filter((c) => c.fn === "lookupStatus").length).toBe(1);
  });

  test("a wrong code gets the generic refusal", async () => {
    await page.goto(served.url);
    await page.fill("#ticket", ticket);
    await page.fill("#code", "AAAA-BBBB-CCCC");
    await page.click("#lookup button");
    await page.waitForSelector("#lookup-result section.fail");
    const text = await page.innerText("#lookup-result");
    expect(text).toContain(t("id", "status_page.refused.heading"));
    expect(text).toContain(t("id", "status_page.refused.text"));
    expect(text).not.toContain("Ahmad");
    await page.screenshot({ path: join(OUT, "status-page-refused.png"), fullPage: true });
  });

  test("a complaint is filed from the page and gets its number", async () => {
    await page.goto(served.url);
    await page.fill("#c-name", "Rina Warga");
    await page.fill("#c-email", "rina.warga@gmail.com");
    await page.fill("#c-ticket", ticket);
    await page.fill("#c-text", "Sudah dua hari belum ada kabar tentang permohonan saya.");
    await page.click("#complaint button");
    await page.waitForSelector("#complaint-result section.ok");
    const text = await page.innerText("#complaint-result");
    const number = /ADU-\d{4}-\d{4}/.exec(text)?.[0];
    expect(number).toBeDefined();
    expect(
      mails(office).some((m) => m.to.includes("rina.warga@gmail.com") && m.subject.includes(number!)),
    ).toBe(true);
    await page.screenshot({ path: join(OUT, "status-page-complaint.png"), fullPage: true });
  });
});
