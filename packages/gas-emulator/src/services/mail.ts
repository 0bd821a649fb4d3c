/**
 * MailApp and GmailApp.sendEmail into an outbox kept in the workspace state.
 *
 * Every accepted mail is recorded with its virtual time, sender, recipients, bodies, attachments
 * (bytes) and the execution that sent it. Enforced with the real texts: invalid addresses, no
 * recipient, 50 recipients per message, body size, total attachment size, the daily recipients
 * quota (every To/Cc/Bcc address counts). `outbox(ws)` reads it back; `writeOutbox(ws, dir)`
 * writes every mail as a MIME .eml, an .html preview and its attachments, plus an index.html.
 * Choices (limits, order of checks, leniencies) are listed in docs/EMULATOR-services.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Blob, GasObject, serviceError } from "../core.js";
import type { Workspace } from "../workspace.js";
import { formatDatePattern } from "./dateformat.js";

/** Apps Script "current limitations" for Google Workspace accounts (one constant each). */
const MAIL_MAX_RECIPIENTS_PER_MESSAGE = 50;
/** 200 KB per message for consumer accounts, 400 KB for Workspace accounts: this project runs on Workspace. */
export const MAIL_MAX_BODY_BYTES = 400 * 1024;
const MAIL_MAX_ATTACHMENTS = 250;
export const MAIL_MAX_TOTAL_ATTACHMENT_BYTES = 25 * 1024 * 1024;

interface MailPart {
  name: string;
  contentType: string;
  bytes: Buffer;
}

interface InlineImage extends MailPart {
  /** The key the HTML body refers to as `cid:<key>`. */
  cid: string;
}

export interface SentMail {
  /** "mail-0001", in sending order. */
  id: string;
  /** Virtual time of sending (ms since epoch). */
  timeMs: number;
  service: "MailApp" | "GmailApp";
  /** The effective user, or noreply@<domain> when `noReply` was set. */
  from: string;
  fromName: string | null;
  replyTo: string | null;
  noReply: boolean;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  attachments: MailPart[];
  inlineImages: InlineImage[];
  /** The execution that sent it (null when the harness sent it directly). */
  executionId: number | null;
  handler: string | null;
}

class MailState {
  readonly mails: SentMail[] = [];
  toJSON(): unknown[] {
    return this.mails.map((m) => ({
      ...m,
      time: new Date(m.timeMs).toISOString(),
      attachments: m.attachments.map(summary),
      inlineImages: m.inlineImages.map((i) => ({ cid: i.cid, ...summary(i) })),
    }));
  }
}

function summary(p: MailPart): { name: string; contentType: string; size: number } {
  return { name: p.name, contentType: p.contentType, size: p.bytes.length };
}

function stateOf(ws: Workspace): MailState {
  return ws.slot("mail", () => new MailState());
}

/** Host accessor: every mail sent so far, oldest first. */
export function outbox(ws: Workspace): SentMail[] {
  return [...stateOf(ws).mails];
}

/* ------------------------------------------------------------------ addresses */

/** Splits a comma-separated recipient list, respecting quoted names and angle brackets. */
function splitAddresses(list: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  let angle = false;
  for (const ch of list) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "<" && !quoted) angle = true;
    else if (ch === ">" && !quoted) angle = false;
    if (ch === "," && !quoted && !angle) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== "");
}

const ADDRESS =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** "Name <a@b>" or "a@b" → "a@b"; throws "Invalid email: <entry>" otherwise. */
function addressOf(entry: string): string {
  const m = /^(?:"?([^"<]*)"?\s*)?<([^<>]+)>$/.exec(entry);
  const addr = (m ? m[2]! : entry).trim();
  if (!ADDRESS.test(addr)) throw serviceError(`Invalid email: ${entry}`);
  return addr;
}

function recipients(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return splitAddresses(String(value)).map(addressOf);
}

/* ------------------------------------------------------------------ sending */

interface Message {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  name?: unknown;
  replyTo?: unknown;
  attachments?: unknown;
  inlineImages?: unknown;
  noReply?: unknown;
  from?: unknown;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof GasObject);
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "string") return "String";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "Boolean";
  if (v instanceof GasObject) return v.gasClass;
  return "Object";
}

function signatureError(service: string, args: unknown[]): Error {
  return serviceError(
    `The parameters (${args.map(typeName).join(",")}) don't match the method signature for ${service}.sendEmail.`,
  );
}

/** A Blob from anything the script may attach: a Blob or a BlobSource (File, Document, HtmlOutput...). */
function blobOf(source: unknown, what: string): Blob {
  if (source instanceof Blob) return source;
  if (source instanceof GasObject) {
    const getBlob = (source as unknown as { getBlob?: () => unknown }).getBlob;
    if (typeof getBlob === "function") {
      const b = getBlob.call(source);
      if (b instanceof Blob) return b;
    }
  }
  throw serviceError(`Invalid argument: ${what}`);
}

function partOf(source: unknown, what: string, fallbackName: string): MailPart {
  const blob = blobOf(source, what);
  return {
    name: blob.getName() ?? fallbackName,
    contentType: blob.getContentType() ?? "application/octet-stream",
    bytes: Buffer.from(blob._buffer()),
  };
}

function send(ws: Workspace, service: SentMail["service"], msg: Message): void {
  const to = recipients(msg.to);
  const cc = recipients(msg.cc);
  const bcc = recipients(msg.bcc);
  const count = to.length + cc.length + bcc.length;
  if (count === 0) throw serviceError("Failed to send email: no recipient");
  if (count > MAIL_MAX_RECIPIENTS_PER_MESSAGE)
    throw serviceError("Limit Exceeded: Email Recipients Per Message.");

  const body = msg.body === undefined || msg.body === null ? "" : String(msg.body);
  const htmlBody = msg.htmlBody === undefined || msg.htmlBody === null ? null : String(msg.htmlBody);
  if (Buffer.byteLength(body, "utf8") > MAIL_MAX_BODY_BYTES)
    throw serviceError("Limit Exceeded: Email Body Size.");
  if (htmlBody !== null && Buffer.byteLength(htmlBody, "utf8") > MAIL_MAX_BODY_BYTES) {
    throw serviceError("Limit Exceeded: Email Body Size.");
  }

  let attachmentSources: unknown[] = [];
  if (msg.attachments !== undefined && msg.attachments !== null) {
    attachmentSources = Array.isArray(msg.attachments) ? msg.attachments : [msg.attachments];
  }
  const attachments = attachmentSources.map((a, i) => partOf(a, "attachments", `attachment${i + 1}`));
  const inlineImages: InlineImage[] = [];
  if (msg.inlineImages !== undefined && msg.inlineImages !== null) {
    if (!isPlainObject(msg.inlineImages)) throw serviceError("Invalid argument: inlineImages");
    for (const [cid, src] of Object.entries(msg.inlineImages)) {
      inlineImages.push({ cid, ...partOf(src, "inlineImages", cid) });
    }
  }
  if (attachments.length > MAIL_MAX_ATTACHMENTS)
    throw serviceError("Limit Exceeded: Email Attachments Per Message.");
  const totalBytes = [...attachments, ...inlineImages].reduce((n, p) => n + p.bytes.length, 0);
  if (totalBytes > MAIL_MAX_TOTAL_ATTACHMENT_BYTES) {
    throw serviceError("Limit Exceeded: Email Total Attachments Size.");
  }

  const actor = ws.actor();
  if (msg.from !== undefined && msg.from !== null && String(msg.from).toLowerCase() !== actor.toLowerCase()) {
    // GmailApp's `from` must be one of the account's aliases; the emulated accounts have none.
    throw serviceError("Invalid argument: from");
  }
  const replyTo =
    msg.replyTo === undefined || msg.replyTo === null ? null : recipients(msg.replyTo).join(", ");
  if (!ws.quotas.take("emailRecipients", count, ws.now())) {
    throw serviceError("Service invoked too many times for one day: email.");
  }
  const noReply = Boolean(msg.noReply);
  const state = stateOf(ws);
  state.mails.push({
    id: `mail-${String(state.mails.length + 1).padStart(4, "0")}`,
    timeMs: ws.now(),
    service,
    from: noReply ? `noreply@${ws.domain}` : actor,
    fromName:
      msg.name !== undefined && msg.name !== null ? String(msg.name) : (ws.identity(actor)?.name ?? null),
    replyTo: replyTo || null,
    noReply,
    to,
    cc,
    bcc,
    subject: msg.subject === undefined || msg.subject === null ? "" : String(msg.subject),
    body,
    htmlBody,
    attachments,
    inlineImages,
    executionId: ws.current?.id ?? null,
    handler: ws.current?.handler ?? null,
  });
}

function optionsOf(service: string, args: unknown[], options: unknown): Message {
  if (options === undefined || options === null) return {};
  if (!isPlainObject(options)) throw signatureError(service, args);
  return options as Message;
}

export class MailApp extends GasObject implements GoogleAppsScript.Mail.MailApp {
  readonly gasClass = "MailApp";
  constructor(private readonly ws: Workspace) {
    super();
  }

  /**
   * sendEmail(message) · sendEmail(recipient, subject, body[, options]) ·
   * sendEmail(to, replyTo, subject, body).
   */
  sendEmail(...args: unknown[]): void {
    if (args.length === 1 && isPlainObject(args[0])) {
      send(this.ws, "MailApp", args[0] as Message);
      return;
    }
    if (args.length === 4 && typeof args[3] === "string") {
      if (args.some((a) => typeof a !== "string")) throw signatureError("MailApp", args);
      const [to, replyTo, subject, body] = args as string[];
      send(this.ws, "MailApp", { to, replyTo, subject, body });
      return;
    }
    if ((args.length === 3 || args.length === 4) && typeof args[0] === "string") {
      const options = optionsOf("MailApp", args, args[3]);
      const { from: _ignored, ...allowed } = options;
      send(this.ws, "MailApp", { ...allowed, to: args[0], subject: args[1], body: args[2] });
      return;
    }
    throw signatureError("MailApp", args);
  }

  getRemainingDailyQuota(): number {
    return this.ws.quotas.remaining("emailRecipients", this.ws.now());
  }
}

export class GmailApp extends GasObject {
  readonly gasClass = "GmailApp";
  constructor(private readonly ws: Workspace) {
    super();
  }

  /** sendEmail(recipient, subject, body[, options]); options as MailApp's plus `from` (an alias). */
  sendEmail(...args: unknown[]): GmailApp {
    if ((args.length === 3 || args.length === 4) && typeof args[0] === "string") {
      const options = optionsOf("GmailApp", args, args[3]);
      send(this.ws, "GmailApp", { ...options, to: args[0], subject: args[1], body: args[2] });
      return this;
    }
    throw signatureError("GmailApp", args);
  }

  /** The emulated accounts have no send-as aliases. */
  getAliases(): string[] {
    return [];
  }
}

export function install(ws: Workspace): Record<string, unknown> {
  stateOf(ws);
  return { MailApp: new MailApp(ws), GmailApp: new GmailApp(ws) };
}

/* ------------------------------------------------------------------ MIME (.eml) */

const CRLF = "\r\n";

function encodeWord(s: string): string {
  return /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, "utf8").toString("base64")}?=`;
}

function mailbox(name: string | null, addr: string): string {
  if (!name) return addr;
  if (!/^[\x20-\x7e]*$/.test(name)) return `${encodeWord(name)} <${addr}>`;
  return `"${name.replace(/["\\]/g, "\\$&")}" <${addr}>`;
}

/** Quoted-printable (RFC 2045) of UTF-8 text, CRLF line breaks, soft breaks at 76 characters. */
export function quotedPrintable(text: string): string {
  const lines = text.replace(/\r\n|\r/g, "\n").split("\n");
  return lines
    .map((line) => {
      const bytes = Buffer.from(line, "utf8");
      const tokens: string[] = [];
      bytes.forEach((b, i) => {
        const last = i === bytes.length - 1;
        const plain = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
        tokens.push(plain ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, "0")}`);
      });
      const out: string[] = [];
      let cur = "";
      for (const t of tokens) {
        if (cur.length + t.length > 75) {
          out.push(`${cur}=`);
          cur = "";
        }
        cur += t;
      }
      out.push(cur);
      return out.join(CRLF);
    })
    .join(CRLF);
}

function base64Lines(bytes: Buffer): string {
  return (bytes.toString("base64").match(/.{1,76}/g) ?? []).join(CRLF);
}

function paramValue(name: string, value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `${name}="${value.replace(/["\\]/g, "\\$&")}"`;
  return `${name}*=UTF-8''${encodeURIComponent(value)}`;
}

interface Part {
  headers: string[];
  body: string;
}

function textPart(type: string, text: string): Part {
  return {
    headers: [`Content-Type: ${type}; charset=UTF-8`, "Content-Transfer-Encoding: quoted-printable"],
    body: quotedPrintable(text),
  };
}

function binaryPart(p: MailPart, disposition: "attachment" | "inline", cid?: string): Part {
  const headers = [
    `Content-Type: ${p.contentType}; ${paramValue("name", p.name)}`,
    "Content-Transfer-Encoding: base64",
    `Content-Disposition: ${disposition}; ${paramValue("filename", p.name)}`,
  ];
  if (cid) headers.push(`Content-ID: <${cid}>`);
  return { headers, body: base64Lines(p.bytes) };
}

function multipart(kind: string, boundary: string, parts: Part[]): Part {
  const body =
    parts.map((p) => `--${boundary}${CRLF}${p.headers.join(CRLF)}${CRLF}${CRLF}${p.body}${CRLF}`).join("") +
    `--${boundary}--`;
  return { headers: [`Content-Type: multipart/${kind}; boundary="${boundary}"`], body };
}

/** The mail as an RFC 5322 / MIME message (Bcc kept, as in the sender's copy). */
export function emlOf(mail: SentMail, timeZone: string): string {
  let content: Part = textPart("text/plain", mail.body);
  if (mail.htmlBody !== null) {
    let html = textPart("text/html", mail.htmlBody);
    if (mail.inlineImages.length) {
      html = multipart("related", `=_rel_${mail.id}`, [
        html,
        ...mail.inlineImages.map((i) => binaryPart(i, "inline", i.cid)),
      ]);
    }
    content = multipart("alternative", `=_alt_${mail.id}`, [content, html]);
  }
  if (mail.attachments.length) {
    content = multipart("mixed", `=_mix_${mail.id}`, [
      content,
      ...mail.attachments.map((a) => binaryPart(a, "attachment")),
    ]);
  }
  const domain = mail.from.split("@")[1] ?? "localhost";
  const headers = [
    `From: ${mailbox(mail.fromName, mail.from)}`,
    `To: ${mail.to.join(", ")}`,
    ...(mail.cc.length ? [`Cc: ${mail.cc.join(", ")}`] : []),
    ...(mail.bcc.length ? [`Bcc: ${mail.bcc.join(", ")}`] : []),
    ...(mail.replyTo ? [`Reply-To: ${mail.replyTo}`] : []),
    `Subject: ${encodeWord(mail.subject)}`,
    `Date: ${formatDatePattern(mail.timeMs, timeZone, "EEE, d MMM yyyy HH:mm:ss Z")}`,
    `Message-ID: <${mail.id}.emulator@${domain}>`,
    `X-Emulator-Service: ${mail.service}`,
    ...(mail.executionId !== null
      ? [`X-Emulator-Execution: ${mail.executionId} ${mail.handler ?? ""}`.trim()]
      : []),
    "MIME-Version: 1.0",
    ...content.headers,
  ];
  return `${headers.join(CRLF)}${CRLF}${CRLF}${content.body}${CRLF}`;
}

/* ------------------------------------------------------------------ previews */

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function slug(s: string): string {
  const t = s
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50);
  return t || "mail";
}

function safeFileName(name: string, index: number): string {
  const cleaned = Array.from(name, (ch) => (ch.charCodeAt(0) < 32 || '/\\:*?"<>|'.includes(ch) ? "_" : ch))
    .join("")
    .replace(/^\.+/, "_");
  return `${index + 1}-${cleaned || "attachment"}`;
}

/** The base file name (without extension) under which a mail is written. */
export function mailFileBase(mail: SentMail): string {
  return `${mail.id.replace(/^mail-/, "")}-${slug(mail.subject)}`;
}

/** A standalone HTML page showing a mail: headers, the HTML body (sandboxed), the text body, attachments. */
function previewHtmlOf(mail: SentMail, timeZone: string, filesDir?: string): string {
  const when = formatDatePattern(mail.timeMs, timeZone, "EEEE, d MMMM yyyy HH:mm:ss z");
  const row = (k: string, v: string): string => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`;
  let html = mail.htmlBody ?? "";
  for (const img of mail.inlineImages) {
    html = html
      .split(`cid:${img.cid}`)
      .join(`data:${img.contentType};base64,${img.bytes.toString("base64")}`);
  }
  const attachments = mail.attachments
    .map((a, i) => {
      const label = `${esc(a.name)} (${esc(a.contentType)}, ${a.bytes.length} bytes)`;
      return filesDir
        ? `<li><a href="${esc(`${filesDir}/${encodeURIComponent(safeFileName(a.name, i))}`)}">${label}</a></li>`
        : `<li>${label}</li>`;
    })
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(mail.subject)}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:60em}th{text-align:left;padding-right:1em;vertical-align:top}
iframe{width:100%;height:32em;border:1px solid #ccc}pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style>
</head><body>
<p><a href="index.html">&larr; outbox</a></p>
<h1>${esc(mail.subject || "(no subject)")}</h1>
<table>
${row("From", mail.fromName ? `${mail.fromName} <${mail.from}>` : mail.from)}
${row("To", mail.to.join(", "))}
${mail.cc.length ? row("Cc", mail.cc.join(", ")) : ""}
${mail.bcc.length ? row("Bcc", mail.bcc.join(", ")) : ""}
${mail.replyTo ? row("Reply-To", mail.replyTo) : ""}
${row("Date", when)}
${row("Sent by", `${mail.service}${mail.executionId !== null ? `, execution ${mail.executionId} (${mail.handler ?? ""})` : ", harness"}`)}
</table>
${mail.htmlBody !== null ? `<h2>HTML</h2>\n<iframe sandbox srcdoc="${esc(html)}"></iframe>` : ""}
<h2>Text</h2>
<pre>${esc(mail.body)}</pre>
${mail.attachments.length ? `<h2>Attachments</h2>\n<ul>${attachments}</ul>` : ""}
</body></html>
`;
}

/**
 * Writes the outbox into `dir`: per mail `<nnnn>-<subject>.eml`, `<nnnn>-<subject>.html` and its
 * attachments under `<nnnn>-<subject>.files/`, plus `index.html` listing every mail. Returns the
 * paths written (relative to `dir`).
 */
export function writeOutbox(ws: Workspace, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const write = (rel: string, data: string | Buffer): void => {
    writeFileSync(join(dir, rel), data);
    written.push(rel);
  };
  const rows: string[] = [];
  for (const mail of outbox(ws)) {
    const base = mailFileBase(mail);
    write(`${base}.eml`, emlOf(mail, ws.scriptTimeZone));
    const filesDir = `${base}.files`;
    if (mail.attachments.length) {
      mkdirSync(join(dir, filesDir), { recursive: true });
      mail.attachments.forEach((a, i) => write(`${filesDir}/${safeFileName(a.name, i)}`, a.bytes));
    }
    write(`${base}.html`, previewHtmlOf(mail, ws.scriptTimeZone, filesDir));
    rows.push(
      `<tr><td>${esc(mail.id)}</td><td>${esc(formatDatePattern(mail.timeMs, ws.scriptTimeZone, "yyyy-MM-dd HH:mm:ss"))}</td>` +
        `<td>${esc(mail.from)}</td><td>${esc([...mail.to, ...mail.cc, ...mail.bcc].join(", "))}</td>` +
        `<td><a href="${esc(encodeURIComponent(base))}.html">${esc(mail.subject || "(no subject)")}</a></td>` +
        `<td>${mail.attachments.length}</td><td><a href="${esc(encodeURIComponent(base))}.eml">.eml</a></td></tr>`,
    );
  }
  write(
    "index.html",
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Outbox (${rows.length})</title>
<style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left;border-bottom:1px solid #ddd}</style>
</head><body>
<h1>Outbox: ${rows.length} mails</h1>
<table>
<tr><th>id</th><th>time (${esc(ws.scriptTimeZone)})</th><th>from</th><th>to</th><th>subject</th><th>attachments</th><th>MIME</th></tr>
${rows.join("\n")}
</table>
</body></html>
`,
  );
  return written;
}
