/**
 * No import cycles among the sources (type-only imports included): a module can be read, tested and
 * moved without the ones that import it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { root } from '../helpers';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((f) => f.endsWith('.ts') && fs.existsSync(f));
}

/** Relative imports and re-exports of each file, resolved to files. */
function graph(files: string[]): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const specs = [...text.matchAll(/^(?:import|export)\b[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]);
    g.set(f, specs.map((s) => resolve(f, s)).filter((t): t is string => t !== undefined));
  }
  return g;
}

/** One cycle per strongly connected part of the graph, as a list of files (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const part: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        part.push(w);
      } while (w !== v);
      if (part.length > 1 || (g.get(v) ?? []).includes(v)) out.push(part);
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

test('the cycle finder finds a cycle (so the test below can fail)', () => {
  const g = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a']],
    ['d', ['a']],
  ]);
  assert.equal(cycles(g).length, 1);
  assert.deepEqual(cycles(g)[0].sort(), ['a', 'b', 'c']);
});

test('no import cycles in server/src and client/src, type-only imports included', () => {
  const files = ['server/src', 'client/src'].flatMap((d) => sources(path.join(root, d)));
  const g = graph(files);
  assert.ok([...g.values()].flat().length > 300, 'the imports were read');
  assert.deepEqual(cycles(g).map((c) => c.map((f) => path.relative(root, f))), []);
});
