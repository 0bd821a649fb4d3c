/**
 * HtmlService: templates with scriptlets and HtmlOutput, enough for mail bodies and a doGet page.
 *
 * Templates: the script writes `const t = HtmlService.createTemplate(src); t.ticket = "SRL-1";`.
 * The runtime forwards every such property assignment to `GasObject.gasSet`, which HtmlTemplate
 * overrides to record the field. `evaluate()` compiles the source the way Apps Script does
 * (text → output.append, `<?= e ?>` → output.appendUntrusted(e), `<?!= e ?>` → output.append(e),
 * `<? code ?>` verbatim) and runs it host-side in a fresh `vm` context whose only globals are the
 * template's fields and `output`. Unlike Apps Script, template code cannot see the script's own
 * globals or functions (it runs in another realm): templates must get everything through fields.
 * The bundle carries no HTML files, so the *FromFile methods fail as for a missing file.
 */
import vm from "node:vm";
import { Blob, GasError, GasObject, serviceError } from "../core.js";
import type { Workspace } from "../workspace.js";

export const XFrameOptionsMode = Object.freeze({ ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" });
export const SandboxMode = Object.freeze({ EMULATED: "EMULATED", IFRAME: "IFRAME", NATIVE: "NATIVE" });

/** Template code must finish quickly; a runaway loop is reported instead of hanging the host. */
const TEMPLATE_TIMEOUT_MS = 2000;

/** HTML-escapes text for element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

class HtmlOutputMetaTag extends GasObject implements GoogleAppsScript.HTML.HtmlOutputMetaTag {
  readonly gasClass = "HtmlOutputMetaTag";
  constructor(
    private readonly name: string,
    private readonly content: string,
  ) {
    super();
  }
  getName(): string {
    return this.name;
  }
  getContent(): string {
    return this.content;
  }
}

type HtmlOutputGetters = Pick<
  GoogleAppsScript.HTML.HtmlOutput,
  "getContent" | "getTitle" | "getWidth" | "getHeight" | "getFaviconUrl"
>;

export class HtmlOutput extends GasObject implements HtmlOutputGetters {
  readonly gasClass = "HtmlOutput";
  private title = "";
  private xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  private sandboxMode: string = SandboxMode.IFRAME;
  private width = 600;
  private height = 400;
  private faviconUrl = "";
  private readonly metaTags: HtmlOutputMetaTag[] = [];

  constructor(private content = "") {
    super();
  }

  /** Host accessor for tests and the web-app harness: the settings a browser would see. */
  _settings(): {
    title: string;
    xFrameOptionsMode: string;
    sandboxMode: string;
    metaTags: [string, string][];
  } {
    return {
      title: this.title,
      xFrameOptionsMode: this.xFrameOptionsMode,
      sandboxMode: this.sandboxMode,
      metaTags: this.metaTags.map((m) => [m.getName(), m.getContent()]),
    };
  }

  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this;
  }
  append(addedContent: unknown): HtmlOutput {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: unknown): HtmlOutput {
    this.content += escapeHtml(addedContent);
    return this;
  }
  clear(): HtmlOutput {
    this.content = "";
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this;
  }
  setXFrameOptionsMode(mode: unknown): HtmlOutput {
    const m = String(mode);
    if (!(m in XFrameOptionsMode)) throw serviceError("Invalid argument: mode");
    this.xFrameOptionsMode = m;
    return this;
  }
  /** Apps Script now serves every page in IFRAME mode; the value is kept only for inspection. */
  setSandboxMode(mode: unknown): HtmlOutput {
    const m = String(mode);
    if (!(m in SandboxMode)) throw serviceError("Invalid argument: mode");
    this.sandboxMode = m;
    return this;
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    this.metaTags.push(new HtmlOutputMetaTag(String(name), String(content)));
    return this;
  }
  getMetaTags(): HtmlOutputMetaTag[] {
    return [...this.metaTags];
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): HtmlOutput {
    this.width = Math.trunc(Number(width));
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): HtmlOutput {
    this.height = Math.trunc(Number(height));
    return this;
  }
  getFaviconUrl(): string {
    return this.faviconUrl;
  }
  setFaviconUrl(iconUrl: string): HtmlOutput {
    this.faviconUrl = String(iconUrl);
    return this;
  }
  getBlob(): Blob {
    return new Blob(Buffer.from(this.content, "utf8"), "text/html", this.title || null);
  }
  asTemplate(): HtmlTemplate {
    return new HtmlTemplate(this.content);
  }
}

/** Compiles template source into the JavaScript evaluate() runs (what getCode() shows). */
function compileTemplate(src: string): string {
  const lines: string[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf("<?", i);
    const text = open < 0 ? src.slice(i) : src.slice(i, open);
    if (text) lines.push(`output.append(${JSON.stringify(text)});`);
    if (open < 0) break;
    const close = src.indexOf("?>", open + 2);
    if (close < 0) throw serviceError("Unterminated scriptlet: missing ?>");
    const inner = src.slice(open + 2, close);
    const expr = (s: string): string => {
      const e = s.trim().replace(/;+\s*$/, "");
      if (!e) throw serviceError("Empty printing scriptlet");
      return e;
    };
    if (inner.startsWith("!=")) lines.push(`output.append(${expr(inner.slice(2))});`);
    else if (inner.startsWith("=")) lines.push(`output.appendUntrusted(${expr(inner.slice(1))});`);
    else lines.push(inner);
    i = close + 2;
  }
  return lines.join("\n");
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export class HtmlTemplate
  extends GasObject
  implements Pick<GoogleAppsScript.HTML.HtmlTemplate, "getRawContent" | "getCode" | "getCodeWithComments">
{
  readonly gasClass = "HtmlTemplate";
  private readonly fields = new Map<string, unknown>();
  private compiled: vm.Script | null = null;

  constructor(private readonly source: string) {
    super();
  }

  /** A script assignment `template.name = value` (forwarded by the runtime's proxy). */
  override gasSet(name: string, value: unknown): void {
    this.fields.set(name, value);
  }

  /** Host accessor: the fields assigned so far. */
  _fields(): Record<string, unknown> {
    return Object.fromEntries(this.fields);
  }

  getRawContent(): string {
    return this.source;
  }

  getCode(): string {
    return compileTemplate(this.source);
  }

  getCodeWithComments(): string {
    return `// Compiled from an HtmlTemplate by the emulator\n${compileTemplate(this.source)}`;
  }

  evaluate(): HtmlOutput {
    if (!this.compiled) {
      try {
        this.compiled = new vm.Script(compileTemplate(this.source), { filename: "HtmlTemplate" });
      } catch (e) {
        throw asGasError(e);
      }
    }
    const output = new HtmlOutput();
    const sandbox: Record<string, unknown> = {};
    for (const [name, value] of this.fields)
      if (IDENTIFIER.test(name) && name !== "output") sandbox[name] = value;
    sandbox.output = output;
    const context = vm.createContext(sandbox, { codeGeneration: { strings: false, wasm: false } });
    try {
      this.compiled.runInContext(context, { timeout: TEMPLATE_TIMEOUT_MS });
    } catch (e) {
      throw asGasError(e);
    }
    return output;
  }
}

/** An error thrown by template code (from the vm realm) as the script would see it. */
function asGasError(e: unknown): GasError {
  if (e instanceof GasError) return e;
  if (e !== null && typeof e === "object" && "message" in e) {
    const err = e as { name?: unknown; message?: unknown };
    return new GasError(String(err.message), typeof err.name === "string" ? err.name : "Error");
  }
  return new GasError(String(e), "Error");
}

function sourceText(src: unknown): string {
  if (typeof src === "string") return src;
  if (src instanceof Blob) return src.getDataAsString();
  if (src instanceof GasObject && typeof (src as { getBlob?: unknown }).getBlob === "function") {
    const b = (src as unknown as { getBlob(): unknown }).getBlob();
    if (b instanceof Blob) return b.getDataAsString();
  }
  if (src === undefined) return "";
  return String(src);
}

export class HtmlService extends GasObject {
  readonly gasClass = "HtmlService";
  override gasProps(): Record<string, unknown> {
    return { XFrameOptionsMode: { ...XFrameOptionsMode }, SandboxMode: { ...SandboxMode } };
  }
  createTemplate(html: unknown): HtmlTemplate {
    return new HtmlTemplate(sourceText(html));
  }
  createHtmlOutput(html?: unknown): HtmlOutput {
    return new HtmlOutput(sourceText(html));
  }
  /** The project's bundle has no HTML files: every file name is missing. */
  createTemplateFromFile(filename: string): HtmlTemplate {
    throw serviceError(`No HTML file named ${String(filename)} was found.`);
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    throw serviceError(`No HTML file named ${String(filename)} was found.`);
  }
}

export function install(_ws: Workspace): Record<string, unknown> {
  return { HtmlService: new HtmlService() };
}
