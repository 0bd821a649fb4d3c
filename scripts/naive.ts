/**
 * The benchmark's baseline: the script an office would write by hand for the same job, one cell
 * at a time — a duplicate check that reads the register row by row, a disposition that reads and
 * writes the row cell by cell, an account with its letter filled placeholder by placeholder. It
 * runs in the same emulator, on its own small spreadsheet, under the same cost model.
 */
import type { Emulator } from "gas-emulator";
import { createBoundSpreadsheet } from "gas-emulator/testkit";

/** Register columns of the naive script (1-based). */
const COLUMNS = [
  "Timestamp",
  "Tiket",
  "Nama",
  "NIP",
  "Email",
  "OPD",
  "Jabatan",
  "HP",
  "Status",
  "Tahap",
  "Aksi",
  "Catatan",
  "Diubah oleh",
  "Diubah",
  "Akun",
];

export const NAIVE_CODE = `
var STAGES = ["kadis", "kabid", "kasi", "staf"];
function reg() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Register"); }

function naiveSubmit(answers) {
  var sh = reg();
  var last = sh.getLastRow();
  var duplicate = "";
  for (var r = 2; r <= last; r++) {
    if (String(sh.getRange(r, 4).getValue()) === answers.nip) duplicate = "NIP sama dengan baris " + r;
  }
  var address = answers.email.split("@")[0] + "@contohkota.go.id";
  try { AdminDirectory.Users.get(address); duplicate += " akun sudah ada"; } catch (e) {}
  var lock = LockService.getScriptLock();
  lock.waitLock(30000);
  var props = PropertiesService.getScriptProperties();
  var n = Number(props.getProperty("serial") || "0") + 1;
  props.setProperty("serial", String(n));
  var ticket = "SRL-" + ("000" + n).slice(-4);
  sh.appendRow([new Date(), ticket, answers.name, "'" + answers.nip, answers.email, answers.opd, answers.job, "'" + answers.phone, "baru", "kadis", "", duplicate, "", new Date(), address]);
  lock.releaseLock();
  MailApp.sendEmail(answers.email, "Tanda terima " + ticket, "Permohonan Anda diterima: " + ticket);
  MailApp.sendEmail("kadis@contohkota.go.id", "Permohonan baru " + ticket, "Mohon disposisi " + ticket);
  return ticket;
}

function naiveDispose(row, actor, action) {
  var sh = reg();
  var values = {};
  for (var c = 1; c <= 15; c++) values[c] = sh.getRange(row, c).getValue();
  var stages = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Tahapan");
  var allowed = false;
  for (var s = 2; s <= stages.getLastRow(); s++) {
    if (sh.getRange(row, 10).getValue() === stages.getRange(s, 1).getValue() && stages.getRange(s, 2).getValue() === actor) allowed = true;
  }
  if (!allowed) { sh.getRange(row, 11).setValue(""); return "refused"; }
  var next = STAGES[STAGES.indexOf(String(values[10])) + 1] || "staf";
  sh.getRange(row, 9).setValue("proses");
  sh.getRange(row, 10).setValue(next);
  sh.getRange(row, 11).setValue("");
  sh.getRange(row, 13).setValue(actor);
  sh.getRange(row, 14).setValue(new Date());
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Log").appendRow([new Date(), values[2], values[10], next, action, actor]);
  MailApp.sendEmail(next + "@contohkota.go.id", "Disposisi " + values[2], "Mohon ditindaklanjuti " + values[2]);
  return "applied";
}

function naiveCreate(row, templateId) {
  var sh = reg();
  var values = {};
  for (var c = 1; c <= 15; c++) values[c] = sh.getRange(row, c).getValue();
  var password = Utilities.getUuid().slice(0, 12);
  AdminDirectory.Users.insert({ primaryEmail: values[15], name: { givenName: String(values[3]).split(" ")[0], familyName: String(values[3]).split(" ").slice(1).join(" ") || "-" }, password: password, changePasswordAtNextLogin: true });
  var copy = DriveApp.getFileById(templateId).makeCopy("Surat " + values[2]);
  var doc = DocumentApp.openById(copy.getId());
  var body = doc.getBody();
  var fields = { TIKET: values[2], NAMA: values[3], NIP: values[4], OPD: values[6], JABATAN: values[7], AKUN: values[15], SANDI: password, TANGGAL: new Date().toISOString() };
  for (var k in fields) body.replaceText("{{" + k + "}}", String(fields[k]));
  doc.saveAndClose();
  var pdf = copy.getAs("application/pdf");
  MailApp.sendEmail({ to: values[5], subject: "Akun surel dinas " + values[2], body: "Terlampir surat akun Anda.", attachments: [pdf] });
  copy.setTrashed(true);
  sh.getRange(row, 9).setValue("selesai");
  sh.getRange(row, 10).setValue("");
  sh.getRange(row, 14).setValue(new Date());
  return values[15];
}
`;

export interface NaiveOffice {
  emu: Emulator;
  templateId: string;
}

/** The naive script's spreadsheet with `rows` registered requests, and its letter template. */
export function prepareNaive(emu: Emulator, rows: number): NaiveOffice {
  const ss = createBoundSpreadsheet(emu.ws, "Register (naive)");
  const sheet = ss.getSheets()[0]!;
  sheet.setName("Register");
  if (sheet.getMaxRows() < rows + 2) sheet.insertRowsAfter(sheet.getMaxRows(), rows + 2 - sheet.getMaxRows());
  const data = [COLUMNS];
  for (let i = 0; i < rows; i++)
    data.push([
      "2026-01-05",
      `SRL-${String(i + 1).padStart(4, "0")}`,
      `Pegawai ${i}`,
      String(198001012005011000 + i),
      `pegawai.${i}@gmail.com`,
      "Dinas Komunikasi dan Informatika",
      "Analis",
      "+6281234567890",
      "baru",
      "kadis",
      "",
      "",
      "",
      "",
      `pegawai.${i}@contohkota.go.id`,
    ]);
  sheet.getRange(1, 1, data.length, COLUMNS.length).setValues(data);
  const stages = ss.insertSheet("Tahapan");
  stages.getRange(1, 1, 5, 2).setValues([
    ["tahap", "pejabat"],
    ["kadis", "kadis@contohkota.go.id"],
    ["kabid", "kabid@contohkota.go.id"],
    ["kasi", "kasi@contohkota.go.id"],
    ["staf", "staf@contohkota.go.id"],
  ]);
  ss.insertSheet("Log");
  const docs = emu.service<{
    create(name: string): { getId(): string; getBody(): { setText(s: string): void }; saveAndClose(): void };
  }>("DocumentApp");
  const doc = docs.create("Template (naive)");
  doc
    .getBody()
    .setText(
      "Nomor {{TIKET}} tanggal {{TANGGAL}}\nKepada {{NAMA}} (NIP {{NIP}}), {{JABATAN}}, {{OPD}}\nAkun: {{AKUN}}\nKata sandi: {{SANDI}}",
    );
  doc.saveAndClose();
  return { emu, templateId: doc.getId() };
}
