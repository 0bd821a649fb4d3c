/**
 * The kit every mail is made with: blocks rendered to plain text and escaped HTML (render), the
 * office's heading (brandOf), the footer, and the published service standard's lines.
 */
import type { Language, OfficeConfig } from "./config.js";
import { escapeHtml } from "./sanitize.js";
import { t } from "./text/index.js";

export interface MailText {
  subject: string;
  /** Plain text. */
  body: string;
  /** The same content as HTML, every value escaped. */
  htmlBody: string;
}

/** A mail as blocks, rendered to both plain text and HTML. */
export type Block =
  | { kind: "p"; text: string }
  | { kind: "link"; text: string; url: string }
  | { kind: "h"; text: string }
  | { kind: "ul"; items: string[] }
  | { kind: "small"; text: string };

/** Inline styles (mail clients drop <style> blocks). */
const MAIL_STYLE = {
  frame:
    "font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1f2933;max-width:640px;margin:0 auto",
  band: "background:#0b4f8a;color:#ffffff;padding:14px 20px;font-size:15px;font-weight:bold",
  body: "padding:8px 20px 16px;border:1px solid #d9e2ec;border-top:0",
  h: "font-size:15px;color:#0b4f8a;margin:18px 0 6px",
  link: "display:inline-block;background:#0b4f8a;color:#ffffff;padding:8px 14px;border-radius:4px;text-decoration:none",
  small: "color:#627d98;font-size:12px;border-top:1px solid #d9e2ec;padding-top:10px;margin-top:18px",
};

/**
 * Renders blocks to plain text and to HTML with every value escaped. `brand` (the office's name)
 * heads the HTML version.
 */
export function render(subject: string, blocks: Block[], brand = ""): MailText {
  const text: string[] = [];
  const html: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "p":
        text.push(b.text, "");
        html.push(`<p>${escapeHtml(b.text)}</p>`);
        break;
      case "link":
        text.push(`${b.text}: ${b.url}`, "");
        html.push(
          `<p><a href="${escapeHtml(b.url)}" style="${MAIL_STYLE.link}">${escapeHtml(b.text)}</a></p>`,
        );
        break;
      case "h":
        text.push(b.text.toUpperCase(), "");
        html.push(`<h3 style="${MAIL_STYLE.h}">${escapeHtml(b.text)}</h3>`);
        break;
      case "ul":
        text.push(...b.items.map((i) => `- ${i}`), "");
        html.push(`<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`);
        break;
      case "small":
        text.push("--", b.text);
        html.push(`<p style="${MAIL_STYLE.small}">${escapeHtml(b.text)}</p>`);
        break;
    }
  }
  const band = brand ? `<div style="${MAIL_STYLE.band}">${escapeHtml(brand)}</div>` : "";
  const htmlBody = `<div style="${MAIL_STYLE.frame}">${band}<div style="${MAIL_STYLE.body}">\n${html.join("\n")}\n</div></div>`;
  return { subject, body: text.join("\n").trim() + "\n", htmlBody };
}

/** A mail from the office: the blocks, then the footer, under the office's heading (brandOf). */
export function officeMail(subject: string, blocks: Block[], config: OfficeConfig, lang: Language): MailText {
  return render(subject, [...blocks, { kind: "small", text: footer(config, lang) }], brandOf(config, lang));
}

/** The heading of a mail: "Diskominfo Pemerintah Kota Contoh · Layanan Pendaftaran Surel Dinas". */
export function brandOf(config: OfficeConfig, lang: Language = config.language): string {
  const office = [config.office.shortName || config.office.name, config.office.government]
    .filter(Boolean)
    .join(" ");
  return `${office} \u00b7 ${t(lang, "mail.brand")}`;
}

/** The disposition chain as people read it: "Kepala Dinas → Kepala Bidang … → Staf Teknis". */
export function chainText(config: OfficeConfig): string {
  return config.stages.map((s) => s.label).join(" \u2192 ");
}

/**
 * The service time in words: whole working days when the service minutes are a multiple of the
 * first working day's length (Monday's, or the earliest configured day's), else hours and minutes.
 */
export function serviceDurationText(config: OfficeConfig, lang: Language): string {
  const minutes = config.time.serviceMinutes;
  const days = config.time.hours.days;
  const first = ([1, 2, 3, 4, 5, 6, 7] as const).map((d) => days[d]).find((h) => h !== undefined);
  const dayLength = first ? first[1] - first[0] : 0;
  if (dayLength > 0 && minutes > 0 && minutes % dayLength === 0) {
    return t(lang, "duration.days", { count: minutes / dayLength });
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t(lang, "duration.minutes", { minutes: rest });
  if (rest === 0) return t(lang, "duration.hours", { hours });
  return t(lang, "duration.hours_minutes", { hours, minutes: rest });
}

/** The published service standard (Permenpan RB 15/2014): requirements, procedure, time, cost, product, complaints. */
export function serviceStandardLines(config: OfficeConfig, lang: Language = config.language): string[] {
  const lines = [
    t(lang, "standard.requirements"),
    t(lang, "standard.procedure", { chain: chainText(config) }),
    t(lang, "standard.time", { duration: serviceDurationText(config, lang) }),
    t(lang, "standard.cost"),
    t(lang, "standard.product", { domain: config.domain }),
  ];
  if (config.complaints.trim() !== "")
    lines.push(t(lang, "standard.complaints", { complaints: config.complaints }));
  return lines;
}

export function footer(config: OfficeConfig, lang: Language): string {
  const contact = [config.office.email, config.office.phone].filter((s) => s.trim() !== "").join(", ");
  return t(lang, "mail.footer", {
    office: config.office.name,
    government: config.office.government,
    contact: contact || config.office.website,
  });
}
