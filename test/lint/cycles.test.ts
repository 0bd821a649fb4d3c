/**
 * No import cycle in src/: the graph of relative imports (every `import … from`, `export … from`
 * and bare `import "…"` line, and every inline `import("…")` type; type-only imports included: a
 * cycle of types is a cycle of concepts)
 * has no strongly connected component of more than one module. A failure names every cycle: the
 * modules of each component and one closed path through it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";

type Graph = Map<string, string[]>;

const IMPORT_LINE =
  /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

/** The relative specifiers a module's source imports. */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT_LINE)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? "";
    if (spec.startsWith(".")) out.push(spec);
  }
  return out;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** The import graph of a source tree: module (path relative to the root's parent) → modules it imports. */
export function importGraph(root: string): Graph {
  const files = tsFiles(root);
  const known = new Set(files);
  const base = dirname(root);
  const graph: Graph = new Map();
  for (const file of files) {
    const targets = importsOf(readFileSync(file, "utf8")).map((spec) => {
      const target = resolve(dirname(file), spec).replace(/\.js$/, ".ts");
      const found = [target, `${target}.ts`, join(target, "index.ts")].find((f) => known.has(f));
      return relative(base, found ?? target);
    });
    graph.set(relative(base, file), [...new Set(targets)]);
  }
  return graph;
}

/** The strongly connected components with more than one module (or a module importing itself). */
export function cycles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** One shortest closed path from the component's first module back to itself (breadth first). */
export function closedPath(graph: Graph, component: string[]): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const from = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at = v; at !== start; at = from.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!from.has(w)) {
        from.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

function describeCycles(graph: Graph): string[] {
  return cycles(graph).map((c) => `{${c.join(", ")}}: ${closedPath(graph, c).join(" → ")}`);
}

describe("the import graph of src/", () => {
  test("reads every kind of import line", () => {
    const source = [
      'import { a } from "./a.js";',
      "import type { B } from '../b.js';",
      'import {\n  c,\n  d,\n} from "./c.js";',
      'export { e } from "./e.js";',
      'import "./side.js";',
      'import { readFileSync } from "node:fs";',
      'type F = Record<import("./f.js").K, string>;',
      '// a comment that says something from "./not-an-import.js"',
    ].join("\n");
    expect(importsOf(source)).toEqual(["./a.js", "../b.js", "./c.js", "./e.js", "./side.js", "./f.js"]);
  });

  test("finds a deliberate cycle and names a path through it", () => {
    const graph: Graph = new Map([
      ["src/a.ts", ["src/b.ts"]],
      ["src/b.ts", ["src/c.ts"]],
      ["src/c.ts", ["src/a.ts", "src/d.ts"]],
      ["src/d.ts", []],
      ["src/e.ts", ["src/e.ts"]],
    ]);
    expect(describeCycles(graph)).toEqual([
      "{src/a.ts, src/b.ts, src/c.ts}: src/a.ts → src/b.ts → src/c.ts → src/a.ts",
      "{src/e.ts}: src/e.ts → src/e.ts",
    ]);
    graph.set("src/c.ts", ["src/d.ts"]);
    graph.set("src/e.ts", []);
    expect(describeCycles(graph)).toEqual([]);
  });

  test("has no import cycle", () => {
    const graph = importGraph(resolve(import.meta.dirname, "../../src"));
    expect(graph.size).toBeGreaterThan(50);
    expect(describeCycles(graph)).toEqual([]);
  });
});
