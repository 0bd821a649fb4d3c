/**
 * A staff override of the address after approval goes back to the approver, who sees it
 * and approves again before any account is made; an override to a reserved name is refused.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { act, actionChoices, editCell, log, mailsTo, runWorkers, type Office } from "./harness.js";
import { applicant, KABID, KADIS, KASI, newRequest, provisioningOffice, row, STAF } from "./provision-kit.js";

let office: Office;
beforeAll(async () => {
  office = await provisioningOffice();
});
afterAll(async () => {
  await office.emu.close();
});

async function approved(n: number): Promise<string> {
  const ticket = await newRequest(office, applicant(n));
  await act(office, KADIS, ticket, "Teruskan (disposisi)");
  await act(office, KABID, ticket, "Teruskan (disposisi)");
  await act(office, KASI, ticket, "Setujui dan teruskan");
  expect(row(office, ticket).status).toBe("disetujui");
  return ticket;
}

test("an override after approval goes back to the approver, who approves it again", async () => {
  const ticket = await approved(701);
  const before = mailsTo(office, KASI).length;
  await editCell(office, STAF, ticket, "address", "sari.pengganti@contohkota.go.id");
  const r = row(office, ticket);
  expect(r.addressRecorded).toBe("sari.pengganti@contohkota.go.id");
  expect(r.status).toBe("diproses");
  expect(r.stageKey).toBe("kasi");
  expect(actionChoices(office, ticket)).not.toContain("Buat akun");
  const told = mailsTo(office, KASI).slice(before);
  expect(
    told.some((m) => m.subject.includes(ticket) && m.body.includes("sari.pengganti@contohkota.go.id")),
  ).toBe(true);
  const entry = log(office).find((e) => e.ticket === ticket && e.action === "ubah_alamat");
  expect(entry).toMatchObject({ actor: STAF, to: "diproses/kasi" });
  // The approver approves again; the staff can then create the account.
  await act(office, KASI, ticket, "Setujui dan teruskan");
  expect(row(office, ticket).stageKey).toBe("staf");
  await act(office, STAF, ticket, "Buat akun");
  await runWorkers(office);
  expect(row(office, ticket)).toMatchObject({
    status: "selesai",
    address: "sari.pengganti@contohkota.go.id",
  });
});

test("an override to a reserved name is refused on every path", async () => {
  const ticket = await approved(702);
  for (const name of ["walikota", "ppid", "hostmaster", "root"]) {
    await editCell(office, STAF, ticket, "address", `${name}@contohkota.go.id`);
    expect(row(office, ticket).addressRecorded).not.toBe(`${name}@contohkota.go.id`);
    expect(row(office, ticket).status).toBe("disetujui");
  }
});
