/**
 * A small office configuration for the domain tests (three OPDs, a four-stage chain, the usual
 * hours), built by hand so that a test never depends on the product's defaults changing.
 */
import type { OfficeConfig } from "../../src/domain/config.js";

export function sampleOffice(overrides: Partial<OfficeConfig> = {}): OfficeConfig {
  const stage = (key: string, label: string): OfficeConfig["stages"][number] => ({
    key,
    label,
    role: label,
    officials: [`${key}@contohkota.go.id`],
    delegates: [],
    actions: ["teruskan"],
    targetMinutes: 60,
  });
  return {
    office: {
      government: "Pemerintah Kota Contoh",
      name: "Dinas Komunikasi dan Informatika",
      shortName: "Diskominfo",
      address: "Jl. Merdeka No. 1, Contoh",
      phone: "(0622) 21234",
      email: "diskominfo@contohkota.go.id",
      website: "https://diskominfo.contohkota.go.id",
      city: "Contoh",
    },
    domain: "contohkota.go.id",
    language: "id",
    timeZone: "Asia/Jakarta",
    stages: [
      stage("kadis", "Kepala Dinas"),
      stage("kabid", "Kepala Bidang e-Government"),
      stage("kasi", "Kepala Seksi PKSI"),
      stage("staf", "Staf Teknis"),
    ],
    admins: ["admin@contohkota.go.id"],
    opds: [
      {
        code: "DISKOMINFO",
        name: "Dinas Komunikasi dan Informatika",
        orgUnitPath: "/",
        group: "",
        ccEmail: "",
      },
      {
        code: "BAPPEDA",
        name: "Badan Perencanaan Pembangunan Daerah",
        orgUnitPath: "/",
        group: "",
        ccEmail: "",
      },
      { code: "DINKES", name: "Dinas Kesehatan", orgUnitPath: "/", group: "", ccEmail: "" },
    ],
    naming: { pattern: "first.last", collision: "initial-then-number", reserved: [] },
    letter: {
      numberPattern: "{kode}/{nomor}/{unit}/{bulan}/{tahun}",
      classification: "500.12.6",
      unitCode: "Diskominfo",
      serialPadding: 0,
      sifat: "Biasa",
      lampiran: "-",
      hal: "Pemberitahuan akun surel dinas",
      signer: { name: "", title: "", nip: "", rank: "" },
    },
    time: {
      hours: { days: { 1: [450, 960], 2: [450, 960], 3: [450, 960], 4: [450, 960], 5: [450, 990] } },
      holidays: [],
      cutiBersamaOff: true,
      serviceMinutes: 510,
      reminderAtPercent: 75,
    },
    privacy: { retentionDays: 365, unusedCredentialDays: 30 },
    complaints: "Kepala Dinas Komunikasi dan Informatika, telepon (0622) 21234",
    statusPageUrl: "",
    complaintDesk: { handlers: ["kadis@contohkota.go.id", "kabid@contohkota.go.id"], targetMinutes: 480 },
    privacyContact: "",
    ...overrides,
  };
}
