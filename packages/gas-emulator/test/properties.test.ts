import { describe, expect, it } from "vitest";
import type { ExecContext } from "../src/core.js";
import { exec, publicMethods, thrown, OFFICE } from "./helpers.js";
import {
  install,
  PROPERTY_STORE_MAX_BYTES,
  PROPERTY_VALUE_MAX_BYTES,
  type PropertiesService,
  propertiesDump,
  scriptPropertiesOf,
} from "../src/services/properties.js";
import { Workspace } from "../src/workspace.js";

/** Execution `id` of the form-submit trigger, running as `user`. */
function submitAs(ws: Workspace, user: string, id = 1): ExecContext {
  return exec(ws, {
    id,
    handler: "onFormSubmit",
    kind: "installable",
    activeUser: user,
    effectiveUser: user,
  });
}

function setup(): { ws: Workspace; svc: PropertiesService } {
  const ws = new Workspace(OFFICE);
  const svc = install(ws).PropertiesService as PropertiesService;
  return { ws, svc };
}

describe("PropertiesService", () => {
  it("stores strings only and returns null for a missing key", () => {
    const { svc } = setup();
    const p = svc.getScriptProperties();
    expect(p.getProperty("missing")).toBeNull();
    p.setProperty("n", 42 as unknown as string);
    p.setProperty("o", { a: 1 } as unknown as string);
    p.setProperty("b", true as unknown as string);
    expect(p.getProperty("n")).toBe("42");
    expect(p.getProperty("o")).toBe("[object Object]");
    expect(p.getProperty("b")).toBe("true");
    expect(p.getKeys().sort()).toEqual(["b", "n", "o"]);
  });

  it("getProperties returns a copy, setProperties merges or replaces", () => {
    const { svc } = setup();
    const p = svc.getScriptProperties();
    p.setProperties({ a: "1", b: "2" });
    const copy = p.getProperties();
    copy.a = "changed";
    expect(p.getProperty("a")).toBe("1");
    p.setProperties({ b: "20", c: "30" });
    expect(p.getProperties()).toEqual({ a: "1", b: "20", c: "30" });
    p.setProperties({ z: "26" }, true);
    expect(p.getProperties()).toEqual({ z: "26" });
    p.deleteProperty("z").setProperty("y", "25");
    expect(p.getProperties()).toEqual({ y: "25" });
    p.deleteAllProperties();
    expect(p.getKeys()).toEqual([]);
  });

  it("keeps script, document and per-user stores apart", () => {
    const { ws, svc } = setup();
    svc.getScriptProperties().setProperty("k", "script");
    svc.getDocumentProperties().setProperty("k", "doc");
    svc.getUserProperties().setProperty("k", "owner");
    ws.current = submitAs(ws, "kadis@contohkota.go.id");
    expect(svc.getUserProperties().getProperty("k")).toBeNull();
    svc.getUserProperties().setProperty("k", "kadis");
    expect(svc.getScriptProperties().getProperty("k")).toBe("script");
    expect(svc.getDocumentProperties().getProperty("k")).toBe("doc");
    ws.current = null;
    expect(svc.getUserProperties().getProperty("k")).toBe("owner");
    expect(propertiesDump(ws)).toEqual({
      script: { k: "script" },
      document: { k: "doc" },
      user: { "admin@contohkota.go.id": { k: "owner" }, "kadis@contohkota.go.id": { k: "kadis" } },
    });
  });

  it("is durable: every later execution and a fresh service object sees a write at once", () => {
    const { ws, svc } = setup();
    ws.current = submitAs(ws, ws.owner.email, 1);
    svc.getScriptProperties().setProperty("cursor", "17");
    ws.current = submitAs(ws, ws.owner.email, 2);
    const again = install(ws).PropertiesService as PropertiesService;
    expect(again.getScriptProperties().getProperty("cursor")).toBe("17");
    expect(scriptPropertiesOf(ws).get("cursor")).toBe("17");
  });

  it("rejects a value over 9 KB (UTF-8 bytes) and keeps the old value", () => {
    const { svc } = setup();
    const p = svc.getScriptProperties();
    p.setProperty("v", "a".repeat(PROPERTY_VALUE_MAX_BYTES));
    expect(p.getProperty("v")!.length).toBe(9216);
    const e = thrown(() => p.setProperty("v", "é".repeat(PROPERTY_VALUE_MAX_BYTES / 2 + 1)));
    expect(e.name).toBe("Exception");
    expect(e.message).toBe("Argument too large: value");
    expect(p.getProperty("v")!.length).toBe(9216);
  });

  it("enforces 500 KB per store atomically with the real text", () => {
    const { svc } = setup();
    const p = svc.getScriptProperties();
    const value = "x".repeat(9000);
    const batch: Record<string, string> = {};
    let i = 0;
    while ((i + 1) * (9000 + 4) <= PROPERTY_STORE_MAX_BYTES)
      batch[`k${String(i++).padStart(3, "0")}`] = value;
    p.setProperties(batch);
    const before = p.getKeys().length;
    const e = thrown(() => p.setProperties({ extra1: value, extra2: value }));
    expect(e.message).toBe(
      "You have exceeded the property storage quota. Please remove some properties and try again.",
    );
    expect(p.getKeys().length).toBe(before);
    expect(p.getProperty("extra1")).toBeNull();
    // Another store still has room: the limit is per store.
    svc.getDocumentProperties().setProperty("extra1", value);
  });

  it("counts every call against the daily read/write quota, reset the next day", () => {
    const { ws, svc } = setup();
    ws.quotas.setLimit("propertiesReadWrites", 3);
    const p = svc.getScriptProperties();
    p.setProperty("a", "1");
    p.getProperty("a");
    p.getKeys();
    const e = thrown(() => p.getProperty("a"));
    expect(e.message).toBe("Service invoked too many times for one day: properties.");
    ws.advance(24 * 3600_000);
    expect(p.getProperty("a")).toBe("1");
  });

  it("rejects an empty key", () => {
    const { svc } = setup();
    expect(thrown(() => svc.getScriptProperties().setProperty("", "x")).message).toBe(
      "Invalid argument: key",
    );
  });
});

describe("PropertiesService API surface", () => {
  it("exposes exactly the Apps Script methods", () => {
    const { svc } = setup();
    expect(publicMethods(svc)).toEqual(["getDocumentProperties", "getScriptProperties", "getUserProperties"]);
    expect(publicMethods(svc.getScriptProperties())).toEqual([
      "deleteAllProperties",
      "deleteProperty",
      "getKeys",
      "getProperties",
      "getProperty",
      "setProperties",
      "setProperty",
    ]);
  });
});
