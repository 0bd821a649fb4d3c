import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import {
  batchCounterKey,
  CACHE,
  complaintCounterKey,
  flagKey,
  guardHourKey,
  joinKey,
  letterCounterKey,
  noteByKey,
  PROP,
  statusFailKey,
  statusRowKey,
  ticketCounterKey,
} from "../../src/domain/keys.js";

/**
 * Deployed offices hold these strings: a change here would lose their counters, log anchor or
 * form link. The values are pinned on purpose; renaming a key in code never changes them.
 */
describe("stored keys", () => {
  it("keeps every Script Property name as deployed", () => {
    expect(PROP).toEqual({
      registerId: "surel:registerId",
      installer: "surel:installer",
      formId: "surel:formId",
      formUrl: "surel:formUrl",
      servicesFormId: "surel:servicesFormId",
      formCheckDay: "surel:formCheckDay",
      dupIndex: "surel:dupIndex",
      workAt: "surel:workAt",
      sweepSummary: "surel:sweepSummary",
      retentionDay: "surel:retentionDay",
      licences: "surel:licences",
      licencesDay: "surel:licencesDay",
      unusedDay: "surel:unusedDay",
      batchImports: "surel:batchImports",
      provisionWorkers: "surel:provisionWorkers",
      archives: "surel:archives",
      registerMoved: "surel:registerMoved",
      statusKey: "surel:statusKey",
      logHead: "surel:logHead",
      logAlarm: "surel:logAlarm",
      logHeadPublished: "surel:logHeadPublished",
      logVerified: "surel:logVerified",
      logFullPass: "surel:logFullPass",
      mailDrainLeases: "surel:mailDrainLeases",
      letterTemplateId: "surel:letterTemplateId",
      resetTemplateId: "surel:resetTemplateId",
      letterArchiveFolderId: "surel:letterArchiveFolderId",
      letterWorkFolderId: "surel:letterWorkFolderId",
    });
    expect(new Set(Object.values(PROP)).size).toBe(Object.keys(PROP).length);
  });

  it("keeps the per-period and per-ticket keys as deployed", () => {
    expect(ticketCounterKey("2611")).toBe("ticket.counter.2611");
    expect(complaintCounterKey("2611")).toBe("complaint.counter.2611");
    expect(batchCounterKey("2611")).toBe("surel:batchCounter:2611");
    expect(letterCounterKey(2026)).toBe("letter_serial_2026");
    expect(joinKey("SRL-2611-0001")).toBe("surel:join:SRL-2611-0001");
    expect(noteByKey("42")).toBe("surel:noteBy:42");
  });

  it("keeps the cache keys as deployed", () => {
    expect(CACHE).toEqual({
      config: "surel:config",
      complaintCount: "complaint:count",
      statusFailAll: "status:fail:*",
    });
    expect(statusFailKey(" srl 2611-0001 ")).toBe("status:fail:SRL2611-0001");
    expect(statusFailKey("x".repeat(60))).toBe(`status:fail:${"X".repeat(40)}`);
    expect(statusRowKey("SRL-2611-0001")).toBe("status:row:SRL-2611-0001");
    expect(guardHourKey(493000)).toBe("surel:guard:493000");
    expect(flagKey("T".repeat(300))).toHaveLength(240);
    expect(flagKey("SRL-1")).toBe("surel:flag:SRL-1");
  });
});

const ROOT = join(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/**
 * Files that still spell a stored key themselves, each owned by another change of issue #14 that
 * moves it to keys.ts. The list only shrinks: a file not named here that spells a key fails.
 */

describe("one place for the keys", () => {
  it("no module outside keys.ts spells a stored key (comments aside)", () => {
    const values = [
      ...Object.values(PROP),
      ...Object.values(CACHE),
      "surel:",
      "status:fail:",
      "status:row:",
      "ticket.counter.",
      "complaint.counter.",
      "letter_serial_",
    ];
    const offenders: string[] = [];
    for (const path of sources(join(ROOT, "src"))) {
      const file = relative(ROOT, path).replace(/\\/g, "/");
      if (file === "src/domain/keys.ts") continue;
      const code = readFileSync(path, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      for (const v of values)
        if (code.includes(`"${v}`) || code.includes(`\`${v}`)) offenders.push(`${file}: ${v}`);
    }
    expect(offenders).toEqual([]);
  });
});
