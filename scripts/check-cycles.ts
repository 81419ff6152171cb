// npm test fails on any import circle in the app's own code (issue 21, item 4: "no import circles").
// A circle means two rooms lean on each other: neither can be read, tested or moved alone, and at
// run time one of them sees the other half-initialised. No maintained checker (madge,
// dependency-cruiser) is installed here, so this walks the imports with the TypeScript compiler API,
// resolving them as tsc does (tsconfig paths, `@/…`). Every import counts, `import type` and
// re-exports included: a type-only circle is still two modules that cannot be understood apart.
// Dynamic import() is left out: loading a module lazily is the deliberate way to reach back up.
//
//   npx tsx scripts/check-cycles.ts          exit 1 and one line per circle when there is any
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');
const ROOTS = ['app', 'components', 'lib', 'db', 'sandbox'];

export type Graph = Map<string, Set<string>>;

/** The static imports and re-exports of every .ts/.tsx file under `roots`, resolved to files under ROOT. */
export function importGraph(root = ROOT, roots = ROOTS): Graph {
  const configPath = path.join(root, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const inRoots = (file: string) => {
    const rel = path.relative(root, file);
    return !rel.startsWith('..') && roots.some((r) => rel === r || rel.startsWith(r + path.sep));
  };
  const files = parsed.fileNames.filter((f) => inRoots(f) && !f.endsWith('.d.ts') && !f.includes('node_modules'));
  const host = ts.createCompilerHost(parsed.options);
  const graph: Graph = new Map();
  for (const file of files) {
    const source = ts.createSourceFile(file, ts.sys.readFile(file) ?? '', ts.ScriptTarget.Latest, false);
    const targets = new Set<string>();
    for (const statement of source.statements) {
      const specifier =
        (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
        statement.moduleSpecifier &&
        ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : null;
      if (!specifier) continue;
      const resolved = ts.resolveModuleName(specifier, file, parsed.options, host).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport || resolved.resolvedFileName.endsWith('.d.ts')) continue;
      const target = path.relative(root, resolved.resolvedFileName);
      if (inRoots(resolved.resolvedFileName)) targets.add(target);
    }
    graph.set(path.relative(root, file), targets);
  }
  return graph;
}

/** The circles of a graph: its strongly connected components of more than one file (or a file importing itself), Tarjan's algorithm. */
export function circles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
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
    if (component.length > 1 || graph.get(v)?.has(v)) found.push(component.sort());
  }; // recursion depth is the longest import chain: a few dozen here
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** One concrete way round a circle, for the message: a → b → … → a (the shortest from its first file). */
export function loopThrough(graph: Graph, component: readonly string[]): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const loop = [start];
        for (let at = v; at !== start; at = cameFrom.get(at)!) loop.splice(1, 0, at);
        return [...loop, start];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

function main() {
  const graph = importGraph();
  const all = circles(graph);
  const failing = all;
  if (failing.length === 0) {
    console.log(`No import circles among ${graph.size} files (${ROOTS.join(', ')}).`);
    return;
  }
  for (const c of failing) {
    const loop = loopThrough(graph, c);
    const more = c.length - (loop.length - 1);
    console.error(
      `import circle: ${loop.join(' → ')}${more > 0 ? ` (and ${more} more file(s) in the same knot)` : ''}`,
    );
  }
  console.error(`${failing.length} import circle(s): move what both sides need into a module of its own.`);
  process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) main();
