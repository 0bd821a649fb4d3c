/**
 * The package stands alone: its files import only each other, Node's modules and the packages its
 * package.json declares, and the source never imports its tests. (The product's side of the
 * boundary, imports only through the entry points, is an ESLint rule of the product.)
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  exports: Record<string, string>;
};
const declared = new Set([
  ...Object.keys(manifest.dependencies ?? {}),
  ...Object.keys(manifest.devDependencies ?? {}),
]);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.[jt]s$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)"([^"]+)"/gm)].map((m) => m[1]!);
}

function packageName(spec: string): string {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

describe("the package's boundary", () => {
  const all = [...files(join(root, "src")), ...files(join(root, "test"))];

  it("imports nothing outside the package but Node and its declared dependencies", () => {
    const outside: string[] = [];
    for (const file of all)
      for (const spec of imports(file)) {
        const where = relative(root, file);
        if (spec.startsWith(".")) {
          const target = relative(root, resolve(dirname(file), spec));
          if (target.startsWith("..")) outside.push(`${where}: ${spec}`);
          if (where.startsWith("src") && target.startsWith("test")) outside.push(`${where}: ${spec}`);
        } else if (!spec.startsWith("node:") && !declared.has(packageName(spec)))
          outside.push(`${where}: ${spec}`);
      }
    expect(outside).toEqual([]);
  });

  it("names its entry points in package.json, and they exist", () => {
    expect(Object.keys(manifest.exports).sort()).toEqual([".", "./package.json", "./testkit"]);
    for (const target of Object.values(manifest.exports))
      expect(() => readFileSync(join(root, target))).not.toThrow();
  });
});
