/**
 * The horizontal rules of a PDF page (table borders), from its drawing operations: every path's
 * bounding box, in page space. A thin box is a line; a cell drawn as a rectangle gives its top and
 * bottom edges. Table rows are the bands between rules, which tells a label line wrapped inside a
 * row from a row of its own whose cells are all blank.
 */
import type { PdfLib, PdfPage } from './pdfLib';

export interface Rule {
  y: number;
  x1: number;
  x2: number;
}

/** A vertical rule (a column border) at x from y1 up to y2. */
export interface Post {
  x: number;
  y1: number;
  y2: number;
}

/** More rules than this on one page is not a report's table: they are ignored. */
const MAX_RULES = 20_000;

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The first n entries of an array or typed array (pdf.js passes Float32Arrays), when all are finite numbers. */
function numbers(a: unknown, n: number): number[] | undefined {
  if (!(Array.isArray(a) || ArrayBuffer.isView(a))) return undefined;
  const xs = Array.from((a as ArrayLike<unknown>) as ArrayLike<number>).slice(0, n);
  return xs.length === n && xs.every((v) => typeof v === 'number' && Number.isFinite(v)) ? xs : undefined;
}

/** Rules of a page; none when the operator list cannot be had (rules are a refinement). */
export async function pageRules(lib: PdfLib, page: PdfPage, width: number, height: number): Promise<{ rules: Rule[]; posts: Post[] }> {
  const none = { rules: [], posts: [] };
  const { save, restore, transform, constructPath } = lib.OPS;
  if (constructPath === undefined) return none;
  let ops;
  try {
    ops = await page.getOperatorList();
  } catch {
    return none;
  }
  const rules: Rule[] = [];
  const posts: Post[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const n = Math.min(ops.fnArray.length, ops.argsArray.length);
  for (let i = 0; i < n && rules.length + posts.length < MAX_RULES; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === save) stack.push(ctm);
    else if (fn === restore) ctm = stack.pop() ?? ctm;
    else if (fn === transform) {
      const m = numbers(args, 6);
      if (m) ctm = multiply(ctm, m as Matrix);
    } else if (fn === constructPath && Array.isArray(args)) {
      // pdf.js 5: [drawing op, [path data], bounding box [minX, minY, maxX, maxY]] in the path's space.
      const box = numbers(args[2], 4);
      if (!box) continue;
      const corners = [apply(ctm, box[0], box[1]), apply(ctm, box[2], box[3]), apply(ctm, box[0], box[3]), apply(ctm, box[2], box[1])];
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      const x1 = Math.min(...xs);
      const x2 = Math.max(...xs);
      const y1 = Math.min(...ys);
      const y2 = Math.max(...ys);
      const w = x2 - x1;
      const h = y2 - y1;
      if (w > 0.9 * width && h > 0.9 * height) continue; // the page itself (a clip or a background)
      if (w <= 2.5 && h >= 5) posts.push({ x: (x1 + x2) / 2, y1, y2 });
      else if (w < 5) continue;
      else if (h <= 2.5) rules.push({ y: (y1 + y2) / 2, x1, x2 });
      else {
        // A cell drawn as a rectangle: its four borders.
        rules.push({ y: y1, x1, x2 }, { y: y2, x1, x2 });
        posts.push({ x: x1, y1, y2 }, { x: x2, y1, y2 });
      }
    }
  }
  return rules.length + posts.length >= MAX_RULES ? none : { rules, posts };
}

/** Whether a column border stands between x1 and x2 at height y. */
export function postBetween(posts: readonly Post[], x1: number, x2: number, y: number): boolean {
  return posts.some((p) => p.x > x1 && p.x < x2 && y >= p.y1 - 1 && y <= p.y2 + 1);
}

/** The band between the rules just above and just below (x, y), or undefined when it is not enclosed. */
export function bandAt(rules: readonly Rule[], x: number, y: number): [number, number] | undefined {
  let above = Infinity;
  let below = -Infinity;
  for (const r of rules) {
    if (x < r.x1 - 1 || x > r.x2 + 1) continue;
    if (r.y > y && r.y < above) above = r.y;
    if (r.y < y && r.y > below) below = r.y;
  }
  return Number.isFinite(above) && Number.isFinite(below) ? [above, below] : undefined;
}
