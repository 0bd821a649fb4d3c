/**
 * The main job as a user runs it: `npm start` (scripts/start.ts) on the built bundle, both the
 * sample scenario and the preview of a CSV exported from a real form. Checks what it writes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "gas-emulator/testkit";

const dirs: string[] = [];
function runStart(args: string[]): { out: string; stdout: string; status: number } {
  const out = mkdtempSync(join(tmpdir(), "surel-start-"));
  dirs.push(out);
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts", "--out", out, ...args], {
    encoding: "utf8",
    timeout: 300_000,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`npm start failed (${r.status}): ${r.stderr}`);
  return { out, stdout: r.stdout, status: r.status };
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("npm start (the sample office)", () => {
  it("runs the day end to end and writes out/", () => {
    const { out, stdout, status } = runStart([]);
    expect(status).toBe(0);
    for (const f of [
      "register.csv",
      "log.csv",
      "outbox/index.html",
      "summary.json",
      "directory.json",
      "workspace/workspace.json",
    ]) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as {
      requests: number;
      statusCounts: Record<string, number>;
      handlers: Record<string, { executions: number; failed: number; callsPerExecution: number }>;
      stageMinutes: Record<string, Record<string, number>>;
    };
    // Ten applications (one of them delivered twice), the second day's, two password resets and a
    // departure on the account services form, and the three people of the bulk request's four (one
    // row refused): seventeen register rows.
    expect(summary.requests).toBe(17);
    // The duplicate, and the reset asked for with someone else's personal e-mail.
    expect(summary.statusCounts["ditolak"]).toBe(2);
    // Ten submissions, one event delivered twice, the applicant's correction, the second day's
    // request, and the two resets (the spreadsheet's trigger fires for both forms); the bulk
    // request's people come from the admin sheet, not the form.
    expect(summary.handlers["onFormSubmit"]!.executions).toBe(15);
    // The reset: the mismatch shown to the staff masked, the letter only to the recovery address.
    expect(stdout).toMatch(/surel pribadi tidak cocok: di formulir o\*\*\*i@gmail\.com/);
    expect(stdout).toMatch(/reset kata sandi: baru di Staf Teknis/);
    expect(stdout).toMatch(/kata sandi dalam surat membuka akun \S+; wajib diganti saat masuk/);
    expect(summary.handlers["onFormSubmit"]!.failed).toBe(0);
    expect(Object.keys(summary.stageMinutes).length).toBeGreaterThan(0);
    // The unauthorised edit and the multi-cell paste are undone and said so.
    expect(stdout).toMatch(/DIBATALKAN: bukan\.pejabat@contohkota\.go\.id tidak berwenang/);
    expect(stdout).toMatch(/tempel 2 sel Tindakan sekaligus .*dibatalkan oleh program/);
    expect(stdout).toMatch(/Log disposisi utuh/);
    // One bulk request: three people registered, one row refused, one report and one summary to the OPD.
    expect(stdout).toMatch(/MSL-\d{4}-0001: 3 orang terdaftar, 1 baris ditolak/);
    expect(stdout).toMatch(/Ringkasan ke OPD setelah semua selesai: .*selesai diproses.* \(1 surel\)/);
    // The departure waits for its effective date and is applied by the sweep on the day.
    expect(stdout).toMatch(/sehari sebelumnya: akun ditangguhkan\? tidak/);
    expect(stdout).toMatch(
      /penyapuan \d{4}-\d{2}-\d{2} 00\.10: akun ditangguhkan\? ya; grup sekarang: \(tidak ada\)/,
    );
    // npm run doctor on the sample office's stand-in: its checklist, with the triggers the bundle installed.
    expect(stdout).toMatch(/npm run doctor pada kantor contoh/);
    expect(stdout).toMatch(/Pemicu sweep \(CLOCK\) terpasang tepat satu kali/);
    expect(stdout).toMatch(/Ringkasan: \d+ lolos, \d+ gagal, \d+ tidak dapat diperiksa\./);
    // The hostile answer is in the register as text, never as a formula.
    const register = readFileSync(join(out, "register.csv"), "utf8");
    expect(register).toContain("=HYPERLINK(");
    const index = readFileSync(join(out, "outbox/index.html"), "utf8");
    expect(index).toContain("Tanda terima permohonan surel dinas");
    expect(readdirSync(join(out, "outbox")).filter((f) => f.endsWith(".eml")).length).toBeGreaterThan(20);
    // Days two and three: the request left at the Kasi is reminded, then escalated to the Kabid;
    // the dashboard is filled; the recap goes out at the turn of the month.
    expect(stdout).toMatch(/pengingat Pengingat ke kasi\.pksi@contohkota\.go\.id/);
    expect(stdout).toMatch(/eskalasi +Eskalasi ke kabid\.egov@contohkota\.go\.id/);
    expect(stdout).toMatch(
      /→ kabid\.egov@contohkota\.go\.id: Pengingat layanan surel dinas: 0 perlu tindakan, 1 melewati target/,
    );
    expect(stdout).toMatch(/Rekap bulanan layanan surel dinas November 2026/);
    expect(stdout).toMatch(/lampiran: .*\.png \(image\/png\)/);
    const dasbor = readFileSync(join(out, "dasbor.csv"), "utf8");
    expect(dasbor).toContain("Dasbor Layanan Surel Dinas");
    expect(dasbor).toMatch(/^Kepala Seksi PKSI,60,/m);
    expect(dasbor).toMatch(/^SRL-2611-0011,diproses,Kepala Seksi PKSI,/m);
  }, 300_000);
});

describe("npm start -- --responses FILE.csv (a backlog preview)", () => {
  it("registers every row of the export, keeps unknown columns and reports them", () => {
    const { out, stdout } = runStart(["--responses", "test/fixtures/responses.csv"]);
    const rows = parseCsv(readFileSync(join(out, "register.csv"), "utf8"))
      .slice(1)
      .filter((r) => r[0]);
    expect(rows.length).toBe(3);
    expect(stdout).toContain("Kolom lama");
    expect(stdout).toMatch(/SRL-2611-0003\s+Yusuf\s+perlu perbaikan\s+• NIP harus 18 digit/);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as {
      statusCounts: Record<string, number>;
    };
    expect(summary.statusCounts).toEqual({ baru: 2, "perlu perbaikan": 1 });
  });
});

describe("npm start -- --responses FILE.csv --locale en_US (an export from a US spreadsheet)", () => {
  const registerRows = (out: string) =>
    parseCsv(readFileSync(join(out, "register.csv"), "utf8"))
      .slice(1)
      .filter((r) => r[0]);

  it("reads its dates month first; a timestamp in the future is refused and named, the row kept", () => {
    const { out, stdout } = runStart(["--responses", "test/fixtures/responses-us.csv", "--locale", "en_US"]);
    const rows = registerRows(out);
    expect(rows).toHaveLength(3);
    // Every ticket of November 2026: "11/20/2026" is 20 November, "8/20/2027" is refused.
    expect(rows.map((r) => r[0]!.slice(0, 8))).toEqual(["SRL-2611", "SRL-2611", "SRL-2611"]);
    expect(stdout).toContain("Lokal spreadsheet: en_US");
    // The letter of 3 November, not of 11 March.
    expect(readFileSync(join(out, "register.csv"), "utf8")).toContain("800/45/Disdik/2026, 2026-11-03");
    expect(stdout).toMatch(/Log Galat .*Stempel waktu respons "8\/20\/2027 11:30:00" berada di masa depan/);
  });

  it("read as Indonesian, the same export is refused whole: its 11/3/2026 would become 11 March", () => {
    const { out, stdout, status } = runStart(["--responses", "test/fixtures/responses-us.csv"]);
    expect(status).toBe(1);
    expect(stdout).toMatch(
      /DITOLAK: stempel waktu "11\/20\/2026 9:15:01" \(baris 2 berkas\) hanya masuk akal dibaca bulan\/hari\/tahun/,
    );
    expect(stdout).toContain("Jalankan lagi dengan --locale en_US");
    expect(registerRows(out)).toHaveLength(0);
    expect(stdout).not.toContain("2026-03-11");
  });
});
