/**
 * The search page's script and its Worker, each as one file. A module fetches its imports only
 * once it has parsed its own file, each level of imports is one more round trip before the first
 * search can start, and on HTTP/1.1 every file waits for one of six connections; laid end to end
 * the modules are one request. Our browser modules are plain ES modules
 * in one style (named imports of "./x.js", `export` on declarations or `export { name }`), so
 * bundling is a text transform: each module becomes a function scope returning its exports, and
 * an import becomes a destructuring of them. Anything else is refused rather than guessed at.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const IMPORT = /^import\s+(?:\{([^}]*)\}\s+from\s+)?"(\.\/[\w-]+\.js)";\s*$/;
const EXPORT_DECL = /^export\s+(?:async\s+)?(function\*?|class|const|let)\s+([\w$]+)/;
const EXPORT_LIST = /^export\s+\{([^}]*)\};\s*$/;

/** A safe identifier for a module's scope, from its file name. */
const scopeName = (file: string) => `__${path.basename(file, ".js").replace(/\W/g, "_")}`;

interface Module {
  file: string;
  deps: string[];
  code: string;
}

function transform(file: string): Module {
  const deps: string[] = [];
  const exported: string[] = [];
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .map((line, i) => {
      const imp = IMPORT.exec(line);
      if (imp) {
        const dep = path.join(path.dirname(file), imp[2]);
        deps.push(dep);
        return imp[1] ? `const {${imp[1]}} = ${scopeName(dep)};` : "";
      }
      if (/^import\b/.test(line))
        throw new Error(`${file}:${i + 1}: only named imports of "./x.js" are bundled`);
      const list = EXPORT_LIST.exec(line);
      if (list) {
        exported.push(
          ...list[1]
            .split(",")
            .map((n) => n.trim())
            .filter(Boolean),
        );
        return "";
      }
      const decl = EXPORT_DECL.exec(line);
      if (decl) {
        exported.push(decl[2]);
        return line.replace(/^export\s+/, "");
      }
      if (/^export\b/.test(line)) throw new Error(`${file}:${i + 1}: unsupported export`);
      return line;
    });
  if (exported.some((n) => n.includes(" "))) throw new Error(`${file}: renamed exports are not bundled`);
  const code = `const ${scopeName(file)} = (() => {\n${lines.join("\n")}\nreturn { ${exported.join(", ")} };\n})();\n`;
  return { file, deps, code };
}

/** The module `entry` and everything it imports, as the text of one module (dependencies first). */
export function bundleModules(entry: string): string {
  const done = new Map<string, Module>();
  const order: Module[] = [];
  const visit = (file: string, trail: string[]) => {
    if (done.has(file)) return;
    if (trail.includes(file)) throw new Error(`import cycle: ${[...trail, file].join(" → ")}`);
    const mod = transform(file);
    for (const dep of mod.deps) visit(dep, [...trail, file]);
    done.set(file, mod);
    order.push(mod);
  };
  visit(path.resolve(entry), []);
  const names = order.map((m) => path.basename(m.file)).join(", ");
  return `// ${names}: laid end to end by src/search/worker-bundle.ts.\n${order.map((m) => m.code).join("")}`;
}
