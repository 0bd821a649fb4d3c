/**
 * Installs the project's triggers idempotently: for each handler, whatever triggers already point
 * at it are compared with the one wanted; a correct one is kept, duplicates and wrong ones are
 * deleted. Running setup twice never leaves two triggers (two triggers = every event handled twice).
 */

export type TriggerSpec =
  | { handler: string; kind: "formSubmit" | "edit" | "open" | "change" }
  | { handler: string; kind: "clock"; everyMinutes: 1 | 5 | 10 | 15 | 30 };

export interface TriggerReport {
  kept: string[];
  created: string[];
  deleted: string[];
}

function eventTypeOf(spec: TriggerSpec): GoogleAppsScript.Script.EventType {
  switch (spec.kind) {
    case "formSubmit":
      return ScriptApp.EventType.ON_FORM_SUBMIT;
    case "edit":
      return ScriptApp.EventType.ON_EDIT;
    case "open":
      return ScriptApp.EventType.ON_OPEN;
    case "change":
      return ScriptApp.EventType.ON_CHANGE;
    case "clock":
      return ScriptApp.EventType.CLOCK;
  }
}

export function ensureTriggers(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  specs: TriggerSpec[],
): TriggerReport {
  const report: TriggerReport = { kept: [], created: [], deleted: [] };
  const existing = ScriptApp.getProjectTriggers();
  const wanted = new Map(specs.map((s) => [s.handler, s]));
  const satisfied = new Set<string>();
  for (const t of existing) {
    const handler = t.getHandlerFunction();
    const spec = wanted.get(handler);
    const sameEvent = spec !== undefined && t.getEventType() === eventTypeOf(spec);
    const sameSource = spec === undefined || spec.kind === "clock" || t.getTriggerSourceId() === ss.getId();
    if (spec && sameEvent && sameSource && !satisfied.has(handler)) {
      satisfied.add(handler);
      report.kept.push(handler);
    } else if (spec || isOwnHandler(handler)) {
      ScriptApp.deleteTrigger(t);
      report.deleted.push(handler);
    }
  }
  for (const spec of specs) {
    if (satisfied.has(spec.handler)) continue;
    const b = ScriptApp.newTrigger(spec.handler);
    switch (spec.kind) {
      case "formSubmit":
        b.forSpreadsheet(ss).onFormSubmit().create();
        break;
      case "edit":
        b.forSpreadsheet(ss).onEdit().create();
        break;
      case "open":
        b.forSpreadsheet(ss).onOpen().create();
        break;
      case "change":
        b.forSpreadsheet(ss).onChange().create();
        break;
      case "clock":
        b.timeBased().everyMinutes(spec.everyMinutes).create();
        break;
    }
    report.created.push(spec.handler);
  }
  return report;
}

/** Handlers this project once installed under other names are cleaned up too. */
const FORMER_HANDLERS = new Set<string>(["onEdit"]);
function isOwnHandler(handler: string): boolean {
  return FORMER_HANDLERS.has(handler);
}
