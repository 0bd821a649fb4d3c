/**
 * The applicant's status page's use cases (an HtmlService web app: doGet, handlers/statuspage.ts) and the two calls its page makes
 * through google.script.run: lookupStatus (ticket + the secret code from the receipt) and
 * fileComplaint. The page reads only the status records (workspace/statusrecords.ts), never the
 * register.
 *
 * Guessing is bounded: a wrong code, an unknown ticket, a locked ticket and a page locked for
 * everyone all give the same answer; failures are counted per ticket (5 an hour) and over all
 * tickets (200 an hour) in the script cache, under the script lock so that parallel calls cannot
 * slip past the count. A ticket past its limit is refused even with the right code until the
 * hour is over. The count is shared with the correction form (workspace/statusrecords.ts
 * verifyStatusCode): a wrong code typed there counts here too.
 */
import type { Language } from "../domain/config.js";
import { afterFailure, counterNow, statusView, WINDOW_MS } from "../domain/statuspage.js";
import { checkComplaint } from "../domain/complaints.js";
import { normalizeTicket } from "../domain/request.js";
import { message, t } from "../domain/text/index.js";
import { context, type Ctx } from "../workspace/context.js";
import { tryWithScriptLock } from "../workspace/lock.js";
import { readCounter, verifyStatusCode } from "../workspace/statusrecords.js";
import { markWork } from "../workspace/sweepstate.js";
import { fileComplaintFrom } from "./complaints.js";
import { MESSAGE_TEMPLATE, PAGE_TEMPLATE, STATUS_TEMPLATE } from "./statuspage-html.js";
import { evaluateTemplate } from "../workspace/html.js";
import { remainingMailQuota } from "../workspace/mailqueue.js";
import { scriptCache } from "../workspace/properties.js";
import { CACHE } from "../domain/keys.js";

export interface PageReply {
  ok: boolean;
  /** The fragment the page shows (made with <?= ?> escaping). */
  html: string;
}

/** A lookup waits this long for the lock, then gives the generic answer (the sweep may hold it). */
const LOOKUP_LOCK_MS = 10_000;

const evaluate = evaluateTemplate;

function messageHtml(kind: "ok" | "fail", heading: string, lines: string[]): string {
  return evaluate(MESSAGE_TEMPLATE, { kind, heading, lines }).getContent();
}

function pageTexts(ctx: Ctx, lang: Language): Record<string, string> {
  const c = ctx.config;
  return {
    title: t(lang, "status_page.title"),
    lookupHeading: t(lang, "status_page.lookup.heading"),
    lookupHint: t(lang, "status_page.lookup.hint"),
    ticketLabel: t(lang, "status_page.lookup.ticket"),
    codeLabel: t(lang, "status_page.lookup.code"),
    lookupButton: t(lang, "status_page.lookup.button"),
    complaintHeading: t(lang, "status_page.complaint.heading"),
    complaintHint: t(lang, "status_page.complaint.hint"),
    nameLabel: t(lang, "status_page.complaint.name"),
    emailLabel: t(lang, "status_page.complaint.email"),
    complaintTicketLabel: t(lang, "status_page.complaint.ticket"),
    textLabel: t(lang, "status_page.complaint.text"),
    complaintButton: t(lang, "status_page.complaint.button"),
    busy: t(lang, "status_page.busy"),
    failed: t(lang, "status_page.failed"),
    privacy: t(lang, "status_page.privacy", {
      office: `${c.office.name}, ${c.office.government}`,
      contact: c.privacyContact || c.office.email,
    }),
  };
}

/** GET: the page with its two forms (no data of anyone: nothing to protect here). */
export function renderStatusPage(): GoogleAppsScript.HTML.HtmlOutput {
  const ctx = context();
  const lang = ctx.config.language;
  const office = [ctx.config.office.name, ctx.config.office.government].filter(Boolean).join(" \u2013 ");
  return evaluate(PAGE_TEMPLATE, { lang, office, txt: pageTexts(ctx, lang) })
    .setTitle(t(lang, "status_page.title"))
    .addMetaTag("viewport", "width=device-width, initial-scale=1");
}

/** The lookup behind the page's first form. */
export function lookupStatusFrom(form: unknown): PageReply {
  const ctx = context();
  const lang = ctx.config.language;
  const fields = (form && typeof form === "object" ? form : {}) as Record<string, unknown>;
  const typedTicket = typeof fields.ticket === "string" ? fields.ticket : "";
  const typedCode = typeof fields.code === "string" ? fields.code : "";
  const generic = (): PageReply => ({
    ok: false,
    html: messageHtml("fail", t(lang, "status_page.refused.heading"), [t(lang, "status_page.refused.text")]),
  });
  const ticket = normalizeTicket(typedTicket) ?? "";
  const outcome = tryWithScriptLock((): PageReply => {
    const now = Date.now();
    const found = verifyStatusCode(ctx.ss, ticket, typedCode, now);
    if (!found) return generic();
    const view = statusView(ctx.config, found.record, now, ctx.offset, lang);
    const txt = {
      hello: t(lang, "status_page.result.hello", { name: view.firstName || view.ticket }),
      ticket: t(lang, "status_page.result.ticket"),
      stage: t(lang, "status_page.result.stage"),
      next: t(lang, "status_page.result.next"),
      expected: t(lang, "status_page.result.expected"),
      late: t(lang, "status_page.result.late"),
      history: t(lang, "status_page.result.history"),
      archived: found.archivedYear
        ? t(lang, "status_page.result.archived", { year: found.archivedYear })
        : "",
    };
    return { ok: true, html: evaluate(STATUS_TEMPLATE, { view, txt }).getContent() };
  }, LOOKUP_LOCK_MS);
  return outcome.ok ? outcome.value : generic();
}

/** The complaint behind the page's second form. */
export function fileComplaintFromPage(form: unknown): PageReply {
  const ctx = context();
  const lang = ctx.config.language;
  const fields = (form && typeof form === "object" ? form : {}) as Record<string, unknown>;
  // Complaints are bounded too (a flood would bury the handlers): 30 an hour over the whole page.
  // A slot is taken under the script lock before filing, so parallel calls cannot all read the
  // same count and pass (nor write back the same count + 1). A complaint that does not pass the
  // checks takes no slot.
  const busy = (): PageReply => ({
    ok: false,
    html: messageHtml("fail", t(lang, "status_page.complaint.busy_heading"), [
      t(lang, "status_page.complaint.busy", { contact: ctx.config.complaints || ctx.config.office.email }),
    ]),
  });
  const checked = checkComplaint(fields);
  if (checked.ok) {
    const slot = tryWithScriptLock((): boolean => {
      const cache = scriptCache();
      const now = Date.now();
      const c = counterNow(readCounter(cache.get(CACHE.complaintCount)), now);
      if (c.count >= COMPLAINTS_PER_HOUR) return false;
      // Each complaint mails the typed address and every handler: the day's mail quota stays for
      // the receipts, notices and letters of requests (a day at the hourly limit spent it all).
      const recipients = 1 + ctx.config.complaintDesk.handlers.length;
      if (remainingMailQuota() < COMPLAINT_MAIL_RESERVE + recipients) return false;
      cache.put(CACHE.complaintCount, JSON.stringify(afterFailure(c, now)), Math.ceil(WINDOW_MS / 1000));
      return true;
    }, LOOKUP_LOCK_MS);
    if (!slot.ok || !slot.value) return busy();
  }
  // Past the checks and the hourly slot: only a complaint that may be filed wakes the next sweep
  // (an anonymous caller must not force full sweeps by calling with nonsense).
  if (checked.ok) markWork();
  const r = fileComplaintFrom(ctx, fields);
  if (!r.ok)
    return {
      ok: false,
      html: messageHtml(
        "fail",
        t(lang, "status_page.complaint.problems"),
        r.problems.map((p) => message(lang, p)),
      ),
    };
  return {
    ok: true,
    html: messageHtml("ok", t(lang, "status_page.complaint.filed_heading", { number: r.number }), [
      t(lang, "status_page.complaint.filed", { number: r.number }),
    ]),
  };
}

export const COMPLAINTS_PER_HOUR = 30;
/** Mail recipients a day complaints never use (Google Workspace allows 1,500 a day). */
export const COMPLAINT_MAIL_RESERVE = 500;
