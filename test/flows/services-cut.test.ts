/**
 * The account services form through the one intake pipeline, cut off: its mails are recorded
 * before the index entry that marks the response done (as the new-account form's), so an
 * execution killed after any of its writes leaves the sweep at most one row to complete, never a
 * second row, never a second index entry, and the applicant exactly one receipt once
 * the recorded mail's grace time is over (two only when the cut fell between the send and its
 * sent mark: at least once, never lost).
 */
import { describe, expect, test } from "vitest";
import { submitResponse } from "gas-emulator";
import { surelEmulator } from "../kit/emulator.js";
import { SHEET_NAMES } from "../../src/workspace/schema.js";
import { ADMIN, DOMAIN, mailsTo, records, register, type Office } from "./harness.js";
import { provisioningOfficeIn } from "./provision-kit.js";
import { isReadOnly } from "./provision-matrix.js";
import { resetAnswers, seedAccount, servicesFormId } from "./services-kit.js";

describe("a services response cut off at any of its writes", () => {
  test("is completed by the sweep: one row, one index entry, one receipt", async () => {
    const emu = surelEmulator({ domain: DOMAIN, owner: { email: ADMIN, admin: true, name: "Admin" } });
    try {
      const fresh = async (): Promise<{ o: Office; personal: string; submit: () => void }> => {
        emu.reset();
        const o = await provisioningOfficeIn(emu);
        const acc = seedAccount(o, 7);
        return {
          o,
          personal: acc.personal,
          submit: () => submitResponse(emu.ws, servicesFormId(o), resetAnswers(acc)),
        };
      };
      const servicesRows = (o: Office) =>
        records(o, SHEET_NAMES.responseIndex).filter((r) => Number(Object.values(r)[0]) < 0);

      // A clean run: where its index entry is written, where its receipt goes out and is marked.
      let f = await fresh();
      f.submit();
      const clean = (await emu.drain()).find((r) => r.handler === "onFormSubmit")!;
      expect(clean.ok).toBe(true);
      const keys = clean.trace.map((c) => c.key);
      const n = keys.length;
      // Every state a write leaves is cut: before the register row the sweep registers the
      // response afresh; after it and before the index entry (the last appendRow), it completes
      // it; after the index entry, the recorded mails are the sweep's to send.
      const indexAt = keys.lastIndexOf("Sheet.appendRow") + 1;
      expect(indexAt).toBeGreaterThan(0);
      const sentAt = keys.indexOf("MailApp.sendEmail") + 1;
      const markedAt = n - [...keys].reverse().indexOf("Range.setValues");
      const cuts: number[] = [];
      for (let k = 1; k <= n; k++) if (!isReadOnly(keys[k - 1]!)) cuts.push(k);
      expect(cuts).toContain(indexAt);
      expect(cuts.length).toBeGreaterThan(3);

      for (const k of cuts) {
        f = await fresh();
        emu.faults.killAt(k, { handler: "onFormSubmit", when: "after" });
        f.submit();
        const [run] = (await emu.drain()).filter((r) => r.handler === "onFormSubmit");
        expect(run!.killed).toBe("fault");
        emu.faults.clear();
        const label = `kill after call ${k} (${keys[k - 1]})`;
        const sweep = await emu.run("sweep", { kind: "installable" });
        expect(sweep.error?.message ?? "", label).toBe("");
        const rows = register(f.o).filter((r) => r.personalEmail === f.personal);
        expect(rows, label).toHaveLength(1);
        expect(servicesRows(f.o), label).toHaveLength(1);
        expect(mailsTo(f.o, f.personal).length, label).toBeLessThanOrEqual(1);
        // A second sweep changes nothing.
        await emu.run("sweep", { kind: "installable" });
        expect(
          register(f.o).filter((r) => r.personalEmail === f.personal),
          label,
        ).toHaveLength(1);
        expect(servicesRows(f.o), label).toHaveLength(1);
        // After the grace time the recorded receipt has gone out, once.
        await emu.advance(21 * 60_000);
        // (A second copy only when the cut fell after a send and before the sent mark.)
        const window = k >= sentAt && k < markedAt;
        const receipts = mailsTo(f.o, f.personal).length;
        expect(receipts, label).toBeGreaterThanOrEqual(1);
        expect(receipts, label).toBeLessThanOrEqual(window ? 2 : 1);
      }
    } finally {
      await emu.close();
    }
  }, 600_000);
});
