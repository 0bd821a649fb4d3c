/**
 * Every emulated service, installed into one Workspace. The runtime calls `installAll` once per
 * workspace and exposes the returned globals (SpreadsheetApp, MailApp, AdminDirectory, ...) to
 * each execution of the bundle.
 */
import type { Workspace } from "../workspace.js";
import * as cache from "./cache.js";
import * as directory from "./directory.js";
import * as docs from "./docs.js";
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

export function installAll(ws: Workspace): Record<string, unknown> {
  const globals: Record<string, unknown> = {};
  for (const m of modules) {
    for (const [name, value] of Object.entries(m.install(ws))) {
      if (name in globals) throw new Error(`two services provide the global ${name}`);
      globals[name] = value;
    }
  }
  return globals;
}
