/**
 * The web app as Google serves it, for tests: `doGet` runs as an execution of kind "webapp" (as
 * the deployment "execute as me, anyone": the owner's authority, an anonymous visitor, so
 * `Session.getActiveUser()` is ""), and the page's `google.script.run` calls run the named
 * top-level function the same way.
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
 *   fields [D]; functions whose names end with "_" cannot be called [D: private functions]; a
 *   call is a POST to /__run that runs one execution and answers its JSON return value.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Emulator, ExecutionResult } from "./index.js";
import { HtmlOutput } from "./services/html.js";

export interface WebAppCall {
  fn: string;
  args: unknown[];
  ok: boolean;
  result: ExecutionResult | null;
}

/** The doGet event object for a query. */
export function doGetEvent(query: URLSearchParams): Record<string, unknown> {
  const parameter: Record<string, string> = {};
  const parameters: Record<string, string[]> = {};
  for (const [k, v] of query) {
    if (!(k in parameter)) parameter[k] = v;
    (parameters[k] ??= []).push(v);
  }
  return { parameter, parameters, queryString: query.toString(), contextPath: "", contentLength: -1 };
}

/** Runs doGet as an anonymous visitor; returns the HtmlOutput (host object) and the execution. */
export async function webAppGet(
  emu: Emulator,
  query = new URLSearchParams(),
): Promise<{ output: HtmlOutput; result: ExecutionResult }> {
  const event = doGetEvent(query);
  const result = await emu.run("doGet", {
    kind: "webapp",
    as: "",
    effectiveUser: emu.ws.owner.email,
    event: () => event,
  });
  if (!result.ok) throw new Error(`doGet failed: ${result.error?.message}`);
  if (!(result.returnValue instanceof HtmlOutput)) throw new Error("doGet did not return an HtmlOutput");
  return { output: result.returnValue, result };
}

/** A google.script.run call as an anonymous visitor of the page. */
export async function webAppCall(emu: Emulator, fn: string, args: unknown[]): Promise<WebAppCall> {
  if (fn.endsWith("_") || !emu.entryPoints.includes(fn)) return { fn, args, ok: false, result: null };
  const result = await emu.run(fn, { kind: "webapp", as: "", effectiveUser: emu.ws.owner.email, args });
  return { fn, args, ok: result.ok, result };
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
  function runner(success, failure, user) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === "withSuccessHandler") return function (f) { return runner(f, failure, user); };
        if (name === "withFailureHandler") return function (f) { return runner(success, f, user); };
        if (name === "withUserObject") return function (u) { return runner(success, failure, u); };
        return function () {
          var args = Array.prototype.slice.call(arguments).map(function (a) {
            return a instanceof HTMLFormElement ? fields(a) : a;
          });
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

/** Serves the emulated web app on 127.0.0.1 at a free port; `url` is the /exec address. */
export async function serveWebApp(emu: Emulator): Promise<ServedWebApp> {
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
      const { output } = await serial(() => webAppGet(emu, url.searchParams));
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(servedPage(output));
      return;
    }
    if (req.method === "POST" && url.pathname === "/__run") {
      const { fn, args } = JSON.parse(await body(req)) as { fn: string; args: unknown[] };
      const call = await serial(() => webAppCall(emu, String(fn), Array.isArray(args) ? args : []));
      calls.push(call);
      const reply = call.ok
        ? { ok: true, value: call.result?.returnValue ?? null }
        : { ok: false, error: call.result?.error?.message ?? `Script function not found: ${fn}` };
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
