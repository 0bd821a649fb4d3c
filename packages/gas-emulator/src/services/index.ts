/**
 * Every emulated service, installed into one Workspace. The runtime calls `installAll` once per
 * workspace and exposes the returned globals (SpreadsheetApp, MailApp, AdminDirectory, ...) to
 * each execution of the bundle.
 */
import type { Workspace } from "../workspace.js";
import * as cache from "./cache.js";
import * as directory from "./directory.js";
import * as docs from "./docs.js";
import * as docsApi from "./docs-api.js";
import * as drive from "./drive.js";
import * as forms from "./forms.js";
import * as html from "./html.js";
import * as lock from "./lock.js";
import * as logger from "./logger.js";
import * as mail from "./mail.js";
import * as properties from "./properties.js";
import * as script from "./script.js";
import * as session from "./session.js";
import * as sheets from "./sheets.js";
import * as utilities from "./utilities.js";

const modules = [
  sheets,
  forms,
  drive,
  docs,
  docsApi,
  directory,
  mail,
  properties,
  cache,
  utilities,
  html,
  session,
  lock,
  script,
  logger,
];

/** The advanced services the emulator has, by manifest serviceId/version → the global it installs. */
const ADVANCED: Readonly<Record<string, string>> = {
  "admin/directory_v1": "AdminDirectory",
  "drive/v3": "Drive",
  "docs/v1": "Docs",
};
/** What a project that declares no advanced services gets (the emulator's historical set). */
const DEFAULT_ADVANCED = [
  { userSymbol: "AdminDirectory", serviceId: "admin", version: "directory_v1" },
  { userSymbol: "Drive", serviceId: "drive", version: "v3" },
];

export function installAll(ws: Workspace): Record<string, unknown> {
  const globals: Record<string, unknown> = {};
  // Advanced services are globals only when enabled, under the manifest's userSymbol.
  const advanced: Record<string, unknown> = {};
  const advancedNames = new Set(Object.values(ADVANCED));
  for (const m of modules) {
    for (const [name, value] of Object.entries(m.install(ws))) {
      if (name in globals || name in advanced) throw new Error(`two services provide the global ${name}`);
      if (advancedNames.has(name)) advanced[name] = value;
      else globals[name] = value;
    }
  }
  for (const a of ws.project.advancedServices ?? DEFAULT_ADVANCED) {
    const name = ADVANCED[`${a.serviceId}/${a.version}`];
    if (!name) throw new Error(`emulator: advanced service ${a.serviceId} ${a.version} is not emulated`);
    if (a.userSymbol in globals) throw new Error(`two services provide the global ${a.userSymbol}`);
    globals[a.userSymbol] = advanced[name];
  }
  return globals;
}
