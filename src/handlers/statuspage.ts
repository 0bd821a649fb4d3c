/**
 * The status page's doors (a web app, src/main.ts): the page itself (doGet) and the two calls its
 * page makes through google.script.run. The use cases and their guessing bounds are
 * src/flows/statuspage.ts.
 */
import {
  fileComplaintFromPage as fileComplaint,
  lookupStatusFrom as lookup,
  renderStatusPage as render,
  type PageReply,
} from "../flows/statuspage.js";

export type { PageReply } from "../flows/statuspage.js";

/** GET: the page with its two forms. */
export function renderStatusPage(): GoogleAppsScript.HTML.HtmlOutput {
  return render();
}

/** The lookup behind the page's first form (ticket + the secret code from the receipt). */
export function lookupStatusFrom(form: unknown): PageReply {
  return lookup(form);
}

/** The complaint behind the page's second form. */
export function fileComplaintFromPage(form: unknown): PageReply {
  return fileComplaint(form);
}
