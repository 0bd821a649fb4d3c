import { describe, expect, it } from "vitest";
import { Blob } from "../src/core.js";
import { publicMethods, thrown } from "./helpers.js";
import { HtmlOutput, type HtmlService, HtmlTemplate, install } from "../src/services/html.js";
import { Workspace } from "../src/workspace.js";

function service(): HtmlService {
  return install(new Workspace()).HtmlService as HtmlService;
}

/** What a script does: create, assign fields (the runtime forwards them to gasSet), evaluate. */
function render(src: string, fields: Record<string, unknown>): string {
  const t = service().createTemplate(src);
  for (const [k, v] of Object.entries(fields)) t.gasSet(k, v);
  return t.evaluate().getContent();
}

describe("HtmlTemplate", () => {
  it("escapes <?= ?> and leaves <?!= ?> raw", () => {
    const name = `<b>Siti & "Budi"</b> d'Arc`;
    expect(render("<p><?= name ?></p>", { name })).toBe(
      "<p>&lt;b&gt;Siti &amp; &quot;Budi&quot;&lt;/b&gt; d&#39;Arc</p>",
    );
    expect(render("<div><?!= html; ?></div>", { html: "<i>ok</i>" })).toBe("<div><i>ok</i></div>");
  });

  it("runs code scriptlets: loops and conditions spanning text", () => {
    const src =
      "<ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i].nama ?></li><? } ?></ul>" +
      "<? if (urgent) { ?><b>SEGERA</b><? } else { ?>biasa<? } ?>";
    expect(render(src, { items: [{ nama: "Kadis" }, { nama: "<Kabid>" }], urgent: false })).toBe(
      "<ul><li>Kadis</li><li>&lt;Kabid&gt;</li></ul>biasa",
    );
    expect(render(src, { items: [], urgent: true })).toBe("<ul></ul><b>SEGERA</b>");
  });

  it("lets code write to output directly", () => {
    expect(render("a<? output.append('<hr>'); output.appendUntrusted('<x>') ?>b", {})).toBe(
      "a<hr>&lt;x&gt;b",
    );
  });

  it("prints non-string values with String()", () => {
    expect(render("<?= n ?>|<?= d ?>|<?= u ?>", { n: 42, d: null, u: undefined })).toBe("42|null|undefined");
  });

  it("reads fields when evaluated, so a template can be re-evaluated with new values", () => {
    const t = service().createTemplate("Tiket <?= ticket ?>");
    t.gasSet("ticket", "SRL-0001");
    expect(t.evaluate().getContent()).toBe("Tiket SRL-0001");
    t.gasSet("ticket", "SRL-0002");
    expect(t.evaluate().getContent()).toBe("Tiket SRL-0002");
    expect(t._fields()).toEqual({ ticket: "SRL-0002" });
  });

  it("gives template code the fields and nothing of the host", () => {
    expect(
      render("<?= typeof process ?>|<?= typeof require ?>|<?= typeof Buffer ?>|<?= x ?>", { x: 1 }),
    ).toBe("undefined|undefined|undefined|1");
  });

  it("lets template code call methods of service objects held in fields", () => {
    const out = new HtmlOutput("").setTitle("Status <permohonan>");
    expect(render("<h1><?= page.getTitle() ?></h1>", { page: out })).toBe(
      "<h1>Status &lt;permohonan&gt;</h1>",
    );
  });

  it("surfaces errors of template code with their JavaScript name", () => {
    const e = thrown(() => render("<?= missing ?>", {}));
    expect(e.name).toBe("ReferenceError");
    expect(e.message).toBe("missing is not defined");
    const s = thrown(() => render("<? if ( ?>", {}));
    expect(s.name).toBe("SyntaxError");
    expect(thrown(() => render("<?= a ", { a: 1 })).message).toBe("Unterminated scriptlet: missing ?>");
  });

  it("shows its source and generated code", () => {
    const t = service().createTemplate("<p><?= a ?></p>");
    expect(t).toBeInstanceOf(HtmlTemplate);
    expect(t.getRawContent()).toBe("<p><?= a ?></p>");
    expect(t.getCode()).toContain("output.appendUntrusted(a);");
    expect(t.getCodeWithComments()).toContain("output.append(");
  });

  it("accepts a blob as source", () => {
    const t = service().createTemplate(Blob.fromString("<?= 1 + 1 ?>", "text/html"));
    expect(t.evaluate().getContent()).toBe("2");
  });
});

describe("HtmlOutput", () => {
  it("appends trusted and untrusted content, sets and clears", () => {
    const o = service().createHtmlOutput("<p>a</p>");
    o.append("<b>b</b>").appendUntrusted("<c>");
    expect(o.getContent()).toBe("<p>a</p><b>b</b>&lt;c&gt;");
    o.setContent("x");
    expect(o.getContent()).toBe("x");
    expect(o.clear().getContent()).toBe("");
    expect(service().createHtmlOutput().getContent()).toBe("");
  });

  it("keeps title, frame and sandbox modes, meta tags, and converts to a blob or a template", () => {
    const svc = service();
    const props = svc.gasProps() as Record<string, Record<string, string>>;
    const o = svc
      .createHtmlOutput("<?= 'x' ?>")
      .setTitle("Status Permohonan")
      .setXFrameOptionsMode(props.XFrameOptionsMode!.ALLOWALL)
      .setSandboxMode(props.SandboxMode!.IFRAME)
      .addMetaTag("viewport", "width=device-width");
    expect(o.getTitle()).toBe("Status Permohonan");
    expect(o._settings()).toEqual({
      title: "Status Permohonan",
      xFrameOptionsMode: "ALLOWALL",
      sandboxMode: "IFRAME",
      metaTags: [["viewport", "width=device-width"]],
    });
    expect(o.getMetaTags()[0]!.getContent()).toBe("width=device-width");
    expect(thrown(() => o.setXFrameOptionsMode("SAMEORIGIN")).message).toBe("Invalid argument: mode");
    const blob = o.getBlob();
    expect(blob.getContentType()).toBe("text/html");
    expect(blob.getDataAsString()).toBe("<?= 'x' ?>");
    expect(o.asTemplate().evaluate().getContent()).toBe("x");
  });
});

describe("HtmlService files", () => {
  it("has no HTML files in the bundle", () => {
    const svc = service();
    expect(thrown(() => svc.createTemplateFromFile("Index")).message).toBe(
      "No HTML file named Index was found.",
    );
    expect(thrown(() => svc.createHtmlOutputFromFile("Index")).message).toBe(
      "No HTML file named Index was found.",
    );
  });
});

describe("HtmlService API surface", () => {
  it("exposes only Apps Script method names", () => {
    const svc = service();
    expect(publicMethods(svc)).toEqual([
      "createHtmlOutput",
      "createHtmlOutputFromFile",
      "createTemplate",
      "createTemplateFromFile",
    ]);
    expect(publicMethods(svc.createTemplate(""))).toEqual([
      "evaluate",
      "getCode",
      "getCodeWithComments",
      "getRawContent",
    ]);
    expect(publicMethods(svc.createHtmlOutput())).toEqual([
      "addMetaTag",
      "append",
      "appendUntrusted",
      "asTemplate",
      "clear",
      "getBlob",
      "getContent",
      "getFaviconUrl",
      "getHeight",
      "getMetaTags",
      "getTitle",
      "getWidth",
      "setContent",
      "setFaviconUrl",
      "setHeight",
      "setSandboxMode",
      "setTitle",
      "setWidth",
      "setXFrameOptionsMode",
    ]);
  });
});
