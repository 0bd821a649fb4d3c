import { describe, expect, it } from "vitest";
import type { ExecContext } from "../src/core.js";
import { exec, publicMethods, thrown } from "./helpers.js";
import {
  CACHE_ITEMS_AFTER_EVICTION,
  CACHE_MAX_ITEMS,
  CACHE_VALUE_MAX_BYTES,
  type CacheService,
  cacheContents,
  evictAllCaches,
  install,
} from "../src/services/cache.js";
import { Workspace } from "../src/workspace.js";

/** The "sweep" trigger running as `user`. */
function sweepAs(ws: Workspace, user: string): ExecContext {
  return exec(ws, { id: 1, handler: "sweep", kind: "installable", activeUser: user, effectiveUser: user });
}

function setup(): { ws: Workspace; svc: CacheService } {
  const ws = new Workspace();
  return { ws, svc: install(ws).CacheService as CacheService };
}

describe("CacheService", () => {
  it("expires after 600 s by default, on the virtual clock", () => {
    const { ws, svc } = setup();
    const c = svc.getScriptCache();
    c.put("k", "v");
    ws.advance(599_999);
    expect(c.get("k")).toBe("v");
    ws.advance(1);
    expect(c.get("k")).toBeNull();
  });

  it("honours a given expiration and caps it at 21,600 s", () => {
    const { ws, svc } = setup();
    const c = svc.getScriptCache();
    c.put("short", "1", 5);
    c.put("long", "2", 100_000);
    ws.advance(5_000);
    expect(c.get("short")).toBeNull();
    ws.advance(21_600_000 - 5_000 - 1);
    expect(c.get("long")).toBe("2");
    ws.advance(1);
    expect(c.get("long")).toBeNull();
  });

  it("uses the calling execution's own virtual time", () => {
    const { ws, svc } = setup();
    ws.current = sweepAs(ws, ws.owner.email);
    const c = svc.getScriptCache();
    c.put("k", "v", 10);
    ws.current.nowMs += 10_000;
    expect(c.get("k")).toBeNull();
  });

  it("coerces values to strings; getAll returns only the keys found", () => {
    const { svc } = setup();
    const c = svc.getScriptCache();
    c.put("n", 5 as unknown as string);
    c.putAll({ a: "1", b: 2 });
    expect(c.get("n")).toBe("5");
    expect(c.getAll(["a", "b", "zz"])).toEqual({ a: "1", b: "2" });
    c.remove("a");
    c.removeAll(["b", "n", "never"]);
    expect(c.getAll(["a", "b", "n"])).toEqual({});
  });

  it("limits keys to 250 characters and values to 100 KB", () => {
    const { svc } = setup();
    const c = svc.getScriptCache();
    c.put("k".repeat(250), "ok");
    expect(c.get("k".repeat(250))).toBe("ok");
    expect(thrown(() => c.put("k".repeat(251), "x")).message).toBe("Argument too large: key");
    expect(thrown(() => c.get("k".repeat(251))).message).toBe("Argument too large: key");
    c.put("big", "v".repeat(CACHE_VALUE_MAX_BYTES));
    const e = thrown(() => c.put("big2", "v".repeat(CACHE_VALUE_MAX_BYTES + 1)));
    expect(e.name).toBe("Exception");
    expect(e.message).toBe("Argument too large: value");
  });

  it("putAll stores nothing when one value is too large", () => {
    const { svc } = setup();
    const c = svc.getScriptCache();
    expect(() => c.putAll({ a: "1", b: "v".repeat(CACHE_VALUE_MAX_BYTES + 1) })).toThrow(
      "Argument too large: value",
    );
    expect(c.get("a")).toBeNull();
  });

  it("keeps script, document and per-user caches apart", () => {
    const { ws, svc } = setup();
    svc.getScriptCache().put("k", "script");
    svc.getDocumentCache().put("k", "doc");
    ws.current = sweepAs(ws, "kabid@contohkota.go.id");
    svc.getUserCache().put("k", "kabid");
    ws.current = sweepAs(ws, "kasi@contohkota.go.id");
    expect(svc.getUserCache().get("k")).toBeNull();
    expect(svc.getScriptCache().get("k")).toBe("script");
    expect(svc.getDocumentCache().get("k")).toBe("doc");
    expect(cacheContents(ws, "user:kabid@contohkota.go.id")).toEqual({ k: "kabid" });
  });

  it("keeps the 900 items farthest from expiration when more than 1,000 are written", () => {
    const { ws, svc } = setup();
    const c = svc.getScriptCache();
    // Item i expires after 1000 + i seconds: the oldest-expiring items go first.
    for (let i = 0; i < CACHE_MAX_ITEMS; i++) c.put(`k${i}`, "v", 1000 + i);
    expect(Object.keys(cacheContents(ws, "script")).length).toBe(CACHE_MAX_ITEMS);
    c.put("newest", "v", 5000);
    const keys = Object.keys(cacheContents(ws, "script"));
    expect(keys.length).toBe(CACHE_ITEMS_AFTER_EVICTION);
    expect(keys).toContain("newest");
    expect(c.get("k100")).toBeNull();
    expect(c.get("k101")).toBe("v");
    expect(c.get("k999")).toBe("v");
  });

  it("can lose everything at once (never the only copy)", () => {
    const { ws, svc } = setup();
    svc.getScriptCache().put("a", "1", 21_600);
    ws.current = sweepAs(ws, "staf@contohkota.go.id");
    svc.getUserCache().put("b", "2");
    evictAllCaches(ws);
    expect(svc.getUserCache().get("b")).toBeNull();
    expect(svc.getScriptCache().get("a")).toBeNull();
  });
});

describe("CacheService API surface", () => {
  it("exposes exactly the Apps Script methods", () => {
    const { svc } = setup();
    expect(publicMethods(svc)).toEqual(["getDocumentCache", "getScriptCache", "getUserCache"]);
    expect(publicMethods(svc.getScriptCache())).toEqual([
      "get",
      "getAll",
      "put",
      "putAll",
      "remove",
      "removeAll",
    ]);
  });
});
