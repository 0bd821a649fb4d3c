/** The checklist as an administrator reads it in a terminal. */
import type { Area, DoctorReport, Status } from "./checks.js";
import { dt, type DoctorKey } from "./text.js";

const AREAS: Area[] = ["config", "admin", "forms", "sheets", "drive", "script"];
const MARK: Record<Status, string> = { ok: "✔", fail: "✘", unknown: "?" };

export function formatReport(report: DoctorReport): string {
  const { lang } = report;
  const lines: string[] = [];
  lines.push(dt(lang, "doctor.heading", { domain: report.domain || "?", register: report.registerId }));
  lines.push(
    dt(lang, "doctor.caller", { user: report.caller || "?", service: report.serviceAccount || "?" }),
  );
  for (const area of AREAS) {
    const checks = report.checks.filter((c) => c.area === area);
    if (checks.length === 0) continue;
    lines.push("", dt(lang, `doctor.area.${area}` as DoctorKey));
    checks.forEach((c, i) => {
      lines.push(`  ${MARK[c.status]} [${dt(lang, `doctor.status.${c.status}` as DoctorKey)}] ${c.text}`);
      // The same advice for a run of checks (every org unit a role lacks) is said once, after the run.
      const next = checks[i + 1];
      if (c.fix && next?.fix !== c.fix) lines.push(`      → ${dt(lang, "doctor.todo", { fix: c.fix })}`);
    });
  }
  const count = (s: Status): number => report.checks.filter((c) => c.status === s).length;
  lines.push(
    "",
    dt(lang, "doctor.summary", { ok: count("ok"), fail: count("fail"), unknown: count("unknown") }),
  );
  lines.push(dt(lang, "doctor.readonly"));
  return lines.join("\n");
}

/** 0 when nothing failed, 1 otherwise (checks that could not be made do not fail the run). */
export function exitCode(report: DoctorReport): number {
  return report.checks.some((c) => c.status === "fail") ? 1 : 0;
}
