import { describe, expect, it } from "vitest";
import {
  checkDuplicates,
  type DirectoryFacts,
  type DuplicateSubject,
  type RegisterRow,
} from "../../src/domain/duplicates.js";

const NIP = "198001012005012001";
const NIK = "6171014101800001";

const request: DuplicateSubject = {
  ticket: "SRL-2026-00010",
  accountType: "pribadi",
  nip: NIP,
  nik: NIK,
  address: "siti.aminah@contohkota.go.id",
  name: "Siti Aminah",
  opdCode: "BAPPEDA",
};
const noDirectory: DirectoryFacts = { addresses: [], nips: [] };

function row(over: Partial<RegisterRow>): RegisterRow {
  return {
    ticket: "SRL-2026-00001",
    status: "diproses",
    accountType: "pribadi",
    nip: "",
    nik: "",
    address: "",
    name: "Orang Lain",
    opdCode: "DINKES",
    ...over,
  };
}

describe("names compare by nameKey (names.ts)", () => {
  const sameOpd = (name: string) => row({ name, opdCode: "BAPPEDA", status: "diproses" });
  it("spelling variants and titles of the same name are a possible duplicate", () => {
    const subject = (name: string): DuplicateSubject => ({ ...request, nip: "", nik: "", name });
    const pairs: [string, string][] = [
      ["Muhammad Yusuf", "Moh. Yusuf"],
      ["Soekarno Hatta", "Sukarno Hatta"],
      ["Djoko Tjahjono", "Joko Cahyono"],
      ["Hasanuddin", "Hasanudin"],
      ["Hendry Wijaya", "Hendri Wijaya"],
      ["Chairul Tanjung", "Khairul Tanjung"],
      ["Désirée Siregar", "Desiree Siregar"],
      ["Siti Aminah", "Dra. SITI AMINAH, M.Si."],
    ];
    for (const [a, b] of pairs) {
      expect(checkDuplicates(subject(a), [sameOpd(b)], noDirectory).verdict, `${a} / ${b}`).toBe(
        "kemungkinan duplikat",
      );
    }
  });
  it("different names stay apart", () => {
    for (const other of ["Siti Aisyah", "Aminah Siti"]) {
      expect(checkDuplicates({ ...request, nip: "", nik: "" }, [sameOpd(other)], noDirectory).verdict).toBe(
        "aman",
      );
    }
  });
});

describe("checkDuplicates", () => {
  it("is safe when nothing matches, and ignores its own ticket", () => {
    const self = row({
      ticket: request.ticket,
      nip: NIP,
      address: request.address,
      name: "Siti Aminah",
      opdCode: "BAPPEDA",
    });
    expect(checkDuplicates(request, [self, row({})], noDirectory)).toEqual({ verdict: "aman", matches: [] });
  });

  it("the exact address in the directory (user, alias or group) is already registered", () => {
    for (const kind of ["user", "alias", "group"] as const) {
      const result = checkDuplicates(request, [], {
        addresses: [{ address: "Siti.Aminah@contohkota.go.id", kind }],
        nips: [],
      });
      expect(result.verdict).toBe("sudah terdaftar");
      expect(result.matches[0]).toMatchObject({ kind: "alamat_di_direktori", address: request.address });
    }
  });

  it("the NIP on a directory user is already registered", () => {
    const result = checkDuplicates(request, [], {
      addresses: [],
      nips: [{ nip: NIP, address: "aminah@contohkota.go.id" }],
    });
    expect(result.verdict).toBe("sudah terdaftar");
    expect(result.matches).toEqual([
      expect.objectContaining({ kind: "nip_di_direktori", address: "aminah@contohkota.go.id" }),
    ]);
  });

  it("same NIP or NIK in the register: registered if that ticket got its account, else a possible duplicate", () => {
    const done = checkDuplicates(
      request,
      [row({ nip: NIP, status: "selesai", address: "aminah@contohkota.go.id" })],
      noDirectory,
    );
    expect(done.verdict).toBe("sudah terdaftar");
    expect(done.matches[0]).toMatchObject({ kind: "identitas_akun_ada", ticket: "SRL-2026-00001" });

    for (const status of ["baru", "diproses", "ditahan", "perlu perbaikan", "disetujui"]) {
      const open = checkDuplicates(request, [row({ nik: NIK, status })], noDirectory);
      expect(open.verdict).toBe("kemungkinan duplikat");
      expect(open.matches[0]).toMatchObject({ kind: "identitas_permohonan_terbuka" });
    }
    const creating = checkDuplicates(request, [row({ nip: NIP, status: "membuat akun" })], noDirectory);
    expect(creating.verdict).toBe("sudah terdaftar");
  });

  it("rejected tickets never count", () => {
    const rows = [
      row({ nip: NIP, status: "ditolak", address: request.address, name: "Siti Aminah", opdCode: "BAPPEDA" }),
    ];
    expect(checkDuplicates(request, rows, noDirectory).verdict).toBe("aman");
  });

  it("the same requested address on another ticket", () => {
    const open = checkDuplicates(request, [row({ address: "SITI.AMINAH@contohkota.go.id" })], noDirectory);
    expect(open.verdict).toBe("kemungkinan duplikat");
    expect(open.matches[0]).toMatchObject({ kind: "alamat_permohonan_terbuka" });
    const made = checkDuplicates(
      request,
      [row({ address: request.address, status: "akun dibuat" })],
      noDirectory,
    );
    expect(made.verdict).toBe("sudah terdaftar");
    expect(made.matches[0]).toMatchObject({ kind: "alamat_akun_ada" });
  });

  it("the same folded name in the same OPD is a possible duplicate; in another OPD it is not", () => {
    const same = checkDuplicates(
      request,
      [row({ name: "Sitti Aminah", opdCode: "bappeda", status: "selesai" })],
      noDirectory,
    );
    expect(same.verdict).toBe("kemungkinan duplikat");
    expect(same.matches[0]).toMatchObject({ kind: "nama_sama_opd" });
    expect(same.matches[0]!.detail).toContain("Sitti Aminah");
    const other = checkDuplicates(request, [row({ name: "Siti Aminah", opdCode: "DINKES" })], noDirectory);
    expect(other.verdict).toBe("aman");
  });

  it("accepts another name key function", () => {
    const rows = [row({ name: "AMINAH SITI", opdCode: "BAPPEDA" })];
    const sorted = (n: string) => n.toLowerCase().split(/\s+/).sort().join(" ");
    expect(checkDuplicates(request, rows, noDirectory).verdict).toBe("aman");
    expect(checkDuplicates(request, rows, noDirectory, sorted).verdict).toBe("kemungkinan duplikat");
  });

  it("identity numbers do not make unit accounts duplicates (one official, several unit accounts)", () => {
    const unit: DuplicateSubject = { ...request, accountType: "unit", address: "bappeda@contohkota.go.id" };
    expect(checkDuplicates(unit, [row({ nip: NIP, status: "selesai" })], noDirectory).verdict).toBe("aman");
    expect(
      checkDuplicates(request, [row({ nip: NIP, status: "selesai", accountType: "unit" })], noDirectory)
        .verdict,
    ).toBe("aman");
    expect(
      checkDuplicates(unit, [], {
        addresses: [{ address: "bappeda@contohkota.go.id", kind: "group" }],
        nips: [],
      }).verdict,
    ).toBe("sudah terdaftar");
    expect(
      checkDuplicates(unit, [], { addresses: [], nips: [{ nip: NIP, address: "x@y.id" }] }).verdict,
    ).toBe("aman");
  });

  it("precedence: registered beats possible duplicate, and matches are listed most severe first", () => {
    const rows = [
      row({ ticket: "A", name: "Siti Aminah", opdCode: "BAPPEDA" }),
      row({ ticket: "B", nik: NIK, status: "baru" }),
      row({ ticket: "C", address: request.address, status: "selesai" }),
    ];
    const result = checkDuplicates(request, rows, {
      addresses: [{ address: request.address, kind: "alias", owner: "aminah@contohkota.go.id" }],
      nips: [],
    });
    expect(result.verdict).toBe("sudah terdaftar");
    expect(result.matches.map((m) => m.kind)).toEqual([
      "alamat_di_direktori",
      "alamat_akun_ada",
      "identitas_permohonan_terbuka",
      "nama_sama_opd",
    ]);
    expect(result.matches[0]!.detail).toContain("alias milik aminah@contohkota.go.id");
  });

  it("one row gives at most one match, the strongest (identity before address before name)", () => {
    const rows = [row({ nip: NIP, address: request.address, name: "Siti Aminah", opdCode: "BAPPEDA" })];
    const result = checkDuplicates(request, rows, noDirectory);
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]!.kind).toBe("identitas_permohonan_terbuka");
  });

  it("numbers are compared by digits and short fragments are ignored", () => {
    expect(checkDuplicates(request, [row({ nip: "19800101 200501 2 001" })], noDirectory).verdict).toBe(
      "kemungkinan duplikat",
    );
    const noIds = { ...request, nip: "", nik: "-" };
    expect(checkDuplicates(noIds, [row({ nip: "", nik: "-" })], noDirectory).verdict).toBe("aman");
  });
});
