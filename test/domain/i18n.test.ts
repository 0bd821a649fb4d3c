/**
 * English offices (config.language = "en") see English everywhere the pure core writes text for
 * people; Indonesian offices see exactly the Indonesian texts. One group per module.
 */
import { describe, expect, it } from "vitest";
import type { OfficeConfig } from "../../src/domain/config.js";
import {
  ACTION_KEYS,
  ACTION_LABELS,
  actionLabel,
  actionLabelsIn,
  actionName,
  decide,
  parseAction,
  type Decision,
  type RequestState,
  type WorkflowAction,
} from "../../src/domain/workflow.js";
import { LANGUAGES } from "../../src/domain/text/index.js";
import { createHash } from "node:crypto";
import { appendEntries, verifyChain } from "../../src/domain/audit.js";
import { defaultConfig, validateConfig } from "../../src/domain/defaults.js";
import { checkDuplicates, type RegisterRow } from "../../src/domain/duplicates.js";
import { letterPatternProblems } from "../../src/domain/letters.js";
import { checkUsername } from "../../src/domain/naming.js";
import { templateProblems } from "../../src/workspace/lettersetup.js";
import {
  configToTables,
  FIELDS,
  parseHours,
  settingHelp,
  SETTINGS_HEADERS,
  tableHeaders,
  tablesToConfig,
} from "../../src/domain/settings.js";

const MON_0800 = Date.parse("2026-11-23T08:00:00+07:00");

function office(language: "id" | "en"): OfficeConfig {
  const c = defaultConfig();
  c.language = language;
  return c;
}

function refusal(
  config: OfficeConfig,
  state: Partial<RequestState>,
  actor: string,
  action: WorkflowAction,
  note = "",
): string {
  const d: Decision = decide({
    state: { ticket: "SRL-2611-0001", status: "baru", stageKey: "kadis", stageEnteredMs: MON_0800, ...state },
    actor,
    action,
    note,
    config,
    nowMs: MON_0800 + 60_000,
  });
  if (d.ok) throw new Error(`expected a refusal of ${action}`);
  return d.reason;
}

describe("workflow: action labels", () => {
  it("has a label for every action in every language, distinct within a language", () => {
    for (const lang of LANGUAGES) {
      const labels = ACTION_KEYS.map((a) => actionLabel(lang, a));
      expect(new Set(labels).size).toBe(ACTION_KEYS.length);
      expect(labels.every((l) => l.length > 0 && !l.startsWith("action."))).toBe(true);
    }
    expect(actionLabelsIn("en")).toMatchObject({
      teruskan: "Forward (disposition)",
      buat_akun: "Create account",
    });
    expect(ACTION_LABELS.teruskan).toBe("Teruskan (disposisi)");
    expect(ACTION_LABELS).toEqual(actionLabelsIn("id"));
  });

  it("parses the labels of both languages back to the action, whatever the office's language", () => {
    for (const lang of LANGUAGES) {
      for (const a of ACTION_KEYS) {
        expect(parseAction(actionLabel(lang, a))).toBe(a);
        expect(parseAction(`  ${actionLabel(lang, a).toUpperCase()}  `)).toBe(a);
      }
    }
    expect(parseAction("Return   for correction")).toBe("kembalikan");
    expect(parseAction("Delete")).toBeUndefined();
  });

  it("names system steps by their key", () => {
    expect(actionName("en", "tolak")).toBe("Reject");
    expect(actionName("en", "gagal_buat_akun")).toBe("gagal_buat_akun");
  });
});

describe("workflow: refusals in the office's language", () => {
  const en = office("en");
  const id = office("id");
  const kadis = en.stages[0]!.officials[0]!;
  const kabid = en.stages[1]!.officials[0]!;

  it("an outsider", () => {
    expect(refusal(en, {}, "someone@example.org", "teruskan")).toBe(
      "someone@example.org is not authorised to act on this request.",
    );
    expect(refusal(id, {}, "someone@example.org", "teruskan")).toBe(
      "someone@example.org tidak berwenang menindaklanjuti permohonan ini.",
    );
    expect(refusal(en, {}, "", "teruskan")).toBe("This user is not authorised to act on this request.");
  });

  it("the wrong stage, a missing reason, an action the stage does not offer", () => {
    expect(refusal(en, {}, kabid, "teruskan")).toMatch(
      /^This request is at the stage Kepala Dinas, and you are an official of the stage /,
    );
    expect(refusal(en, {}, kadis, "tolak")).toBe(
      "The action \u201cReject\u201d needs a reason in the note column.",
    );
    expect(refusal(id, {}, kadis, "tolak")).toBe(
      "Tindakan \u201cTolak\u201d wajib disertai alasan di kolom catatan.",
    );
    expect(refusal(en, {}, kadis, "buat_akun")).toMatch(
      /^The action \u201cCreate account\u201d is not available at the stage Kepala Dinas\. Available choices: Forward \(disposition\)/,
    );
  });

  it("closed, waiting for the applicant, a wrong status, a system step", () => {
    expect(refusal(en, { status: "selesai", stageKey: "" }, kadis, "teruskan")).toBe(
      "This request is completed and can no longer be changed.",
    );
    expect(refusal(en, { status: "ditolak", stageKey: "" }, kadis, "teruskan")).toBe(
      "This request has been rejected and can no longer be changed.",
    );
    expect(refusal(en, { status: "perlu perbaikan", stageKey: "" }, kadis, "teruskan")).toBe(
      "This request is waiting for the applicant's correction.",
    );
    expect(refusal(en, { status: "ditahan" }, kadis, "teruskan")).toBe(
      "The action \u201cForward (disposition)\u201d cannot be taken on a request with the status \u201cditahan\u201d.",
    );
    expect(refusal(en, {}, kadis, "akun_dibuat")).toBe(
      "The action \u201cakun_dibuat\u201d is taken automatically by the system.",
    );
    expect(refusal(en, {}, "sistem", "teruskan")).toBe(
      "Only an official can take the action \u201cForward (disposition)\u201d.",
    );
  });

  it("no text of an English refusal is Indonesian", () => {
    const reasons = [
      refusal(en, {}, "x@example.org", "teruskan"),
      refusal(en, { stageKey: "gone" }, kadis, "teruskan"),
      refusal(en, {}, kadis, "kembalikan"),
      refusal(en, { stageKey: "staf" }, en.stages[3]!.officials[0] ?? en.admins[0]!, "teruskan"),
      refusal(en, {}, kadis, "ambil_alih", "away"),
    ];
    for (const r of reasons) expect(r).not.toMatch(/\b(tidak|permohonan|tahap|tindakan|dan|ini)\b/i);
  });
});

/** Words that give an Indonesian sentence away (none of them is an English word). */
const INDONESIAN =
  /\b(tidak|belum|sudah|harus|atau|dan|yang|pada|untuk|dengan|permohonan|tahap|kosong|bukan|sah|diisi|tindakan|dipakai|alamat)\b/i;

describe("validateConfig in the office's language", () => {
  function broken(language: "id" | "en"): OfficeConfig {
    const c = office(language);
    c.office.government = "";
    c.office.email = "not-an-address";
    c.domain = "example.com";
    c.timeZone = "Europe/Paris";
    c.stages[0]!.officials = ["kadis"];
    c.stages[1]!.actions = ["kembalikan"];
    c.stages[3]!.actions = ["teruskan", "tahan"];
    c.admins = [];
    c.opds[0]!.orgUnitPath = "OPD";
    c.naming.reserved = ["..x"];
    c.letter.numberPattern = "{kode}/{urut}";
    c.time.hours = { days: { 1: [900, 600] } };
    c.time.holidays = [{ date: "2026-02-31", name: "X", kind: "libur" }];
    c.privacy.retentionDays = 0;
    c.complaints = "";
    return c;
  }

  it("English problems for an English office, every one of them", () => {
    const problems = validateConfig(broken("en"));
    expect(problems.length).toBeGreaterThan(12);
    for (const p of problems) expect(p.message, p.field).not.toMatch(INDONESIAN);
    const by = (field: string) => problems.find((p) => p.field === field)?.message;
    expect(by("office.government")).toBe("The name of the local government is missing.");
    expect(by("timeZone")).toMatch(/^Unknown time zone "Europe\/Paris"/);
    expect(by("stages[0].officials[0]")).toBe(
      'Official of the stage Kepala Dinas: "kadis" is not a valid e-mail address.',
    );
    expect(by("time.hours.days.1")).toBe(
      "The working hours of Monday are reversed: the end 10.00 is not after the start 15.00.",
    );
    expect(by("letter.numberPattern")).toMatch(
      /^The letter number pattern uses unknown placeholders: \{urut\}/,
    );
    expect(by("naming.reserved[0]")).toBe(
      'The reserved name "..x" is not valid: A username may not contain two dots in a row.',
    );
  });

  it("the same problems in Indonesian for an Indonesian office", () => {
    const en = validateConfig(broken("en"));
    const id = validateConfig(broken("id"));
    expect(id.map((p) => p.field)).toEqual(en.map((p) => p.field));
    const by = (field: string) => id.find((p) => p.field === field)?.message;
    expect(by("office.government")).toBe("Nama pemerintah daerah belum diisi.");
    expect(by("time.hours.days.1")).toBe(
      "Jam kerja hari Senin terbalik: selesai 10.00 tidak sesudah mulai 15.00.",
    );
    expect(by("stages[0].officials[0]")).toBe(
      'Pejabat tahap Kepala Dinas: "kadis" bukan alamat surel yang sah.',
    );
  });

  it("an unknown language is reported in Indonesian", () => {
    const c = office("id");
    (c as { language: string }).language = "jv";
    expect(validateConfig(c).find((p) => p.field === "language")?.message).toBe(
      'Bahasa "jv" tidak dikenal; pilih "id" atau "en".',
    );
  });
});

describe("settings sheets in the office's language", () => {
  it("an English office gets English headers and help; the keys stay the same identifiers", () => {
    const en = configToTables(office("en"));
    const id = configToTables(office("id"));
    expect(en.settings.map((r) => r[0]).slice(1)).toEqual(id.settings.map((r) => r[0]).slice(1));
    expect(en.settings[0]).toEqual(["Key", "Value", "Description"]);
    expect(id.settings[0]).toEqual(SETTINGS_HEADERS);
    expect(en.stages[0]).toEqual(tableHeaders("en").stages);
    expect(id.stages[0]![2]).toBe("Nama Tahap");
    const help = (tables: typeof en, key: string) => tables.settings.find((r) => r[0] === key)![2];
    expect(help(en, "bahasa")).toBe("Language of messages: id or en");
    expect(help(id, "bahasa")).toBe("Bahasa pesan: id atau en");
    expect(help(en, "pola_nomor_surat")).toBe("Letter number pattern: {kode}/{nomor}/{unit}/{bulan}/{tahun}");
    expect(help(id, "jam_kerja")).toBe("Mis. Sen-Kam 07:30-16:00; Jum 07:30-16:30");
    for (const f of FIELDS) {
      expect(settingHelp(f.key, "en"), f.key).not.toMatch(/^settings\.help/);
      // The values Ya/Tidak are named as typed, with their meaning.
      expect(settingHelp(f.key, "en").replace(/\b(Ya|Tidak) \((yes|no)\)/g, ""), f.key).not.toMatch(
        INDONESIAN,
      );
      expect(settingHelp(f.key, "en")).not.toBe(settingHelp(f.key, "id"));
    }
    // English tables read back to the same configuration.
    const back = tablesToConfig(en, office("id"));
    expect(back.problems).toEqual([]);
    expect(back.config).toEqual(office("en"));
  });

  it("problems are written in the language the tables ask for", () => {
    const t = configToTables(office("en"));
    const set = (key: string, value: string) => (t.settings.find((r) => r[0] === key)![1] = value);
    set("zona_waktu", "Mars/Olympus");
    set("penandatangan_nip", "1,97001E+17");
    set("retensi_hari", "nol");
    t.settings.push(["kunci_asing", "x", ""]);
    t.stages[1]![4] = "bukan-surel";
    t.stages[2]![6] = "teruskan, hapus";
    t.holidays.push(["31/02/2026", "Impossible", "libur"]);
    const { problems } = tablesToConfig(t, office("id"));
    expect(problems.map((p) => p.message)).toEqual([
      'Unknown time zone "Mars/Olympus".',
      'The signatory\'s NIP "1,97001E+17" must be 18 digits. If it shows as 1.97E+17, format the cell as plain text (Format \u2192 Number \u2192 Plain text) and type it again.',
      '"nol" is not a valid number (the smallest allowed is 1).',
      'Unknown key "kunci_asing"; this row is ignored.',
      '"bukan-surel" is not a valid e-mail address.',
      'Unknown action "hapus". Choices: teruskan, setujui, kembalikan, tolak, tahan, lanjutkan, ambil_alih, buat_akun.',
      'The date "31/02/2026" cannot be read: write it as 2026-12-25.',
    ]);
    expect(parseHours("Senin pagi", "en").problems).toEqual([
      'The working hours "Senin pagi" cannot be read. A correct example: "Sen-Kam 07:30-16:00; Jum 07:30-16:30".',
    ]);
  });
});

describe("usernames, letter numbers, duplicates, the log: English when asked", () => {
  it("checkUsername", () => {
    expect(checkUsername(".Admin..", ["admin"], "en").map((p) => p.message)).toEqual([
      "A username must be in lower case.",
      "A username may not contain two dots in a row.",
      "A username may not start or end with a dot.",
    ]);
    expect(checkUsername("admin", ["admin"], "en")[0]!.message).toBe(
      'The username "admin" is reserved and cannot be used.',
    );
    expect(checkUsername("admin", ["admin"])[0]!.message).toBe(
      'Nama pengguna "admin" dicadangkan dan tidak dapat dipakai.',
    );
  });

  it("letterPatternProblems", () => {
    expect(letterPatternProblems("{kode}/{unit}", "en")).toEqual([
      "The letter number pattern must contain {nomor}.",
    ]);
    expect(letterPatternProblems("{kode}/{unit}")).toEqual(["Pola nomor surat harus memuat {nomor}."]);
    expect(letterPatternProblems("", "en")).toEqual(["The letter number pattern is empty."]);
  });

  it("checkDuplicates", () => {
    const subject = {
      ticket: "SRL-2611-0010",
      accountType: "pribadi" as const,
      nip: "198001012005012001",
      nik: "",
      address: "siti.aminah@contohkota.go.id",
      name: "Siti Aminah",
      opdCode: "BAPPEDA",
    };
    const rows: RegisterRow[] = [
      { ...subject, ticket: "SRL-2611-0001", status: "selesai", address: "siti@contohkota.go.id" },
      { ...subject, ticket: "SRL-2611-0002", status: "diproses", nip: "", address: subject.address },
    ];
    const directory = {
      addresses: [{ address: subject.address, kind: "alias" as const, owner: "s.aminah@contohkota.go.id" }],
      nips: [{ nip: subject.nip, address: "s.aminah@contohkota.go.id" }],
    };
    const en = checkDuplicates(subject, rows, directory, undefined, "en").matches.map((m) => m.detail);
    expect(en).toEqual([
      "The address siti.aminah@contohkota.go.id is already in use in the directory as an alias of s.aminah@contohkota.go.id.",
      "The applicant's NIP is already recorded on the account s.aminah@contohkota.go.id in the directory.",
      "The same applicant (same NIP/NIK) already received the account siti@contohkota.go.id through ticket SRL-2611-0001.",
      "The address siti.aminah@contohkota.go.id is also requested by ticket SRL-2611-0002, which is still in progress.",
    ]);
    const id = checkDuplicates(subject, rows, directory).matches.map((m) => m.detail);
    expect(id[0]).toBe(
      "Alamat siti.aminah@contohkota.go.id sudah dipakai sebagai alias milik s.aminah@contohkota.go.id di direktori.",
    );
    expect(id[2]).toBe(
      "Pemohon yang sama (NIP/NIK sama) sudah dibuatkan akun siti@contohkota.go.id melalui tiket SRL-2611-0001.",
    );
  });

  it("verifyChain", () => {
    const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
    const entries = appendEntries(
      { seq: 0, hash: "0".repeat(64) },
      [1, 2, 3].map((i) => ({
        ticket: `T${i}`,
        from: "baru",
        to: "baru/kadis",
        action: "mulai",
        actor: "sistem",
        timeMs: i,
        note: "",
      })),
      sha256,
    );
    const edited = entries.map((e, i) => (i === 1 ? { ...e, note: "changed" } : e));
    const en = verifyChain(edited, sha256, { language: "en" });
    const id = verifyChain(edited, sha256);
    expect(en.ok ? "" : en.reason).toBe("The content of log entry #2 was changed.");
    expect(id.ok ? "" : id.reason).toBe("Isi entri log #2 diubah.");
    const cut = verifyChain(entries.slice(0, 2), sha256, {
      head: { seq: 3, hash: entries[2]!.hash },
      language: "en",
    });
    expect(cut.ok ? "" : cut.reason).toBe(
      "The log ends at #2, but the last entry recorded is #3: entries at the end were deleted.",
    );
  });
});

describe("the credential letter template's problems", () => {
  it("are reported in the office's language; the letter itself stays Indonesian", () => {
    const text = "Yth. {{NAMA}}, {{CATATAN}} {{ALAMAT_SUREL";
    expect(templateProblems(text, "en")).toEqual([
      "unknown placeholders: {{CATATAN}} (list of placeholders: docs/LETTER.md)",
      "unmatched curly braces: {{ALAMAT_SUREL",
      "the template does not contain {{KATA_SANDI}}",
      "the template does not contain {{ALAMAT_SUREL}}",
    ]);
    expect(templateProblems(text)[0]).toBe("isian tidak dikenal: {{CATATAN}} (daftar isian: docs/LETTER.md)");
  });
});
