/**
 * The web app as Google serves it, for tests: `doGet` runs as an execution of kind "webapp", as
 * the deployment "execute as me, anyone" runs it, and the page's `google.script.run` calls run the
 * named top-level function the same way. Marks: [D] documented, [R] reported, [C] chosen.
 *
 * - Authority: the deployer's (Session.getEffectiveUser() is the project's owner) [D: Session,
 *   getEffectiveUser: "a web app set to execute as me … returns the developer's account"].
 * - The visitor: anonymous by default (Session.getActiveUser() is ""), or a signed-in visitor
 *   (`visitor`). A visitor of the deployer's own Workspace domain is seen by their address: the
 *   documentation says the address is not available to a web app executing as the developer, "however,
 *   these restrictions generally do not apply if the developer … belongs to the same Google
 *   Workspace domain as the user" [D]; the emulator takes that less convenient reading (the
 *   visitor's address is visible; session.ts hides it across domains only) [C].
 * - Which functions: every top-level function of the bundle [D: "any server-side function"],
 *   except names ending in "_" [D: private functions]; an unknown or private name fails before
 *   any execution, answered "Script function not found: <name>" [C: Google's client library has no
 *   such method at all].
 * - Arguments: copied as google.script.run copies them [D: parameters and return values]: numbers,
 *   booleans, strings, null, and arrays and plain objects made of them; the object the server gets
 *   is a copy; undefined in an array becomes null [D]. A Date, a Function or any other value (a
 *   class instance, a Map, a symbol, a bigint) anywhere inside, or a circular reference, makes the
 *   request fail before any execution [D], answered "Failed due to illegal value in property:
 *   <key>" [C: the wording developers quote; Google's pages say only that the request fails].
 *   An undefined object property is left out and NaN/Infinity become null, as in JSON [C]. A form
 *   element is legal only as the only argument [D]: at this level it is the object of its named
 *   fields (the served page's client library makes it so).
 *
 * `serveWebApp` puts this on a loopback HTTP server (127.0.0.1, a free port) so that a real
 * browser can load the page:
 * - GET /exec?… → doGet(e) with e = {parameter, parameters, queryString, contextPath: "",
 *   contentLength: -1} [D: web apps guide, request parameters]; the HtmlOutput's content is served
 *   with its title and meta tags placed in the head [D: only viewport and mobile-web-app tags are
 *   honoured]. Chosen: Google serves the content in a sandboxed iframe below its own page; here it
 *   is served at the top level, with the client library injected.
 * - The injected `google.script.run` is a stand-in for Google's client library [D: the
 *   google.script.run reference]: withSuccessHandler / withFailureHandler / withUserObject, any
 *   server function by name, a form element as the only argument becomes an object of its named
 *   fields [D]; illegal arguments fail in the page, as above; a call is a POST to /__run that runs
 *   one execution and answers its JSON return value.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Emulator, ExecutionResult } from "./index.js";
import { HtmlOutput } from "./services/html.js";

interface WebAppCall {
  fn: string;
  args: unknown[];
  ok: boolean;
  /** The execution; null when the call failed before any (unknown or private name, illegal argument). */
  result: ExecutionResult | null;
  /** Why the call failed before any execution, in Google's words ("" when it ran). */
  refused: string;
}

/** Who visits the page: "" anonymous (default), or the address of a signed-in visitor. */
export interface Visitor {
  visitor?: string;
}

/** An argument google.script.run refuses (see the header). */
export class IllegalScriptRunValue extends Error {
  constructor(readonly property: string) {
    super(`Failed due to illegal value in property: ${property}`);
  }
}

/** The arguments as the server function receives them, or IllegalScriptRunValue. */
export function cloneScriptRunArgs(args: readonly unknown[]): unknown[] {
  const ancestors = new Set<object>();
  const clone = (v: unknown, key: string): unknown => {
    if (v === null || v === undefined) return null;
    if (typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    if (typeof v !== "object") throw new IllegalScriptRunValue(key);
    const proto = Object.getPrototypeOf(v) as unknown;
    const isArray = Array.isArray(v) && proto === Array.prototype;
    if (!isArray && proto !== Object.prototype && proto !== null) throw new IllegalScriptRunValue(key);
    if (ancestors.has(v)) throw new IllegalScriptRunValue(key);
    ancestors.add(v);
    try {
      if (isArray) return Array.from(v as unknown[], (x, i) => clone(x, String(i)));
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (x === undefined) continue;
        out[k] = clone(x, k);
      }
      return out;
    } finally {
      ancestors.delete(v);
    }
  };
  return args.map((a, i) => clone(a, String(i)));
}

/** The doGet event object for a query. */
function doGetEvent(query: URLSearchParams): Record<string, unknown> {
  const parameter: Record<string, string> = {};
  const parameters: Record<string, string[]> = {};
  for (const [k, v] of query) {
    if (!(k in parameter)) parameter[k] = v;
    (parameters[k] ??= []).push(v);
  }
  return { parameter, parameters, queryString: query.toString(), contextPath: "", contentLength: -1 };
}

/** Runs doGet for a visitor (anonymous by default); returns the HtmlOutput (host object) and the execution. */
export async function webAppGet(
  emu: Emulator,
  query = new URLSearchParams(),
  who: Visitor = {},
): Promise<{ output: HtmlOutput; result: ExecutionResult }> {
  const event = doGetEvent(query);
  const result = await emu.run("doGet", {
    kind: "webapp",
    as: who.visitor ?? "",
    effectiveUser: emu.ws.owner.email,
    event: () => event,
  });
  if (!result.ok) throw new Error(`doGet failed: ${result.error?.message}`);
  if (!(result.returnValue instanceof HtmlOutput)) throw new Error("doGet did not return an HtmlOutput");
  return { output: result.returnValue, result };
}

/** A google.script.run call from the page, by an anonymous visitor unless `visitor` is given. */
export async function webAppCall(
  emu: Emulator,
  fn: string,
  args: unknown[],
  who: Visitor = {},
): Promise<WebAppCall> {
  if (fn.endsWith("_") || !emu.entryPoints.includes(fn))
    return { fn, args, ok: false, result: null, refused: `Script function not found: ${fn}` };
  let copied: unknown[];
  try {
    copied = cloneScriptRunArgs(args);
  } catch (e) {
    if (e instanceof IllegalScriptRunValue) return { fn, args, ok: false, result: null, refused: e.message };
    throw e;
  }
  const result = await emu.run(fn, {
    kind: "webapp",
    as: who.visitor ?? "",
    effectiveUser: emu.ws.owner.email,
    args: copied,
  });
  return { fn, args, ok: result.ok, result, refused: "" };
}

const CLIENT_LIBRARY = `<script>
(function () {
  function fields(form) {
    var out = {};
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.disabled || el.type === "file") continue;
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) continue;
      out[el.name] = el.value;
    }
    return out;
  }
  function check(v, key, seen) {
    if (v === null || v === undefined || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return;
    var proto = typeof v === "object" ? Object.getPrototypeOf(v) : undefined;
    if (typeof v !== "object" || (proto !== Object.prototype && proto !== Array.prototype && proto !== null) || seen.indexOf(v) >= 0)
      throw new Error("Failed due to illegal value in property: " + key);
    seen.push(v);
    for (var k in v) if (Object.prototype.hasOwnProperty.call(v, k)) check(v[k], k, seen);
    seen.pop();
  }
  function runner(success, failure, user) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === "withSuccessHandler") return function (f) { return runner(f, failure, user); };
        if (name === "withFailureHandler") return function (f) { return runner(success, f, user); };
        if (name === "withUserObject") return function (u) { return runner(success, failure, u); };
        return function () {
          var all = Array.prototype.slice.call(arguments);
          var args = all.map(function (a) {
            return a instanceof HTMLFormElement && all.length === 1 ? fields(a) : a;
          });
          try { args.forEach(function (a, i) { check(a, String(i), []); }); }
          catch (e) { if (failure) failure(e, user); return; }
          fetch("/__run", { method: "POST", headers: { "content-type": "application/json" },
            body: JSON.stringify({ fn: String(name), args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (r) {
              if (r.ok) { if (success) success(r.value, user); }
              else if (failure) failure(new Error(r.error), user);
            }, function (e) { if (failure) failure(e, user); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null, undefined) } };
})();
</script>`;

/** The page as the browser gets it: the output's content, its title and meta tags, the client library. */
export function servedPage(output: HtmlOutput): string {
  const s = output._settings();
  const esc = (v: string): string => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const head =
    s.metaTags.map(([n, c]) => `<meta name="${esc(n)}" content="${esc(c)}">`).join("") +
    (s.title ? `<title>${esc(s.title)}</title>` : "") +
    CLIENT_LIBRARY;
  const html = output.getContent();
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (m) => m + head)
    : `<head>${head}</head>${html}`;
}

export interface ServedWebApp {
  url: string;
  calls: WebAppCall[];
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Serves the emulated web app on 127.0.0.1 at a free port, to one visitor; `url` is the /exec address. */
export async function serveWebApp(emu: Emulator, who: Visitor = {}): Promise<ServedWebApp> {
  const calls: WebAppCall[] = [];
  // Executions run one at a time, as the emulator runs them.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "GET" && url.pathname === "/exec") {
      const { output } = await serial(() => webAppGet(emu, url.searchParams, who));
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(servedPage(output));
      return;
    }
    if (req.method === "POST" && url.pathname === "/__run") {
      const { fn, args } = JSON.parse(await body(req)) as { fn: string; args: unknown[] };
      const call = await serial(() => webAppCall(emu, String(fn), Array.isArray(args) ? args : [], who));
      calls.push(call);
      const reply = call.ok
        ? { ok: true, value: call.result?.returnValue ?? null }
        : { ok: false, error: call.result?.error?.message ?? call.refused };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(reply));
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/exec`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
