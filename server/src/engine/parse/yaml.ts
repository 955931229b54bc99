/**
 * The YAML layer under `parseReport`, hardened so that no input can crash or hang the engine:
 *
 * - Nesting is bounded before composing. The composer recurses once per level, and a stack
 *   overflow there is not just an exception: V8 can abort the whole process when it has to compile
 *   a regular expression with the stack nearly exhausted ("RegExpCompiler Allocation failed").
 *   The parser itself is iterative, so it is run lexeme by lexeme and stopped early.
 * - Duplicate keys are found with a set per long mapping (`uniqueKeys: true` compares each key with
 *   all the keys before it: quadratic).
 * - Aliases are resolved once, in document order; `Alias.resolve(doc)` otherwise walks the whole
 *   document on every call (a report with 10,000 aliases took 25 s to check).
 * - Plain data for the schema check is built here with a budget on the nodes aliases add, instead
 *   of `doc.toJS()`, whose alias accounting is quadratic and which cannot bound alias chains.
 *   Duplicate keys, aliases and plain data are done in one walk of the composed tree.
 * - Mappings and lists are bounded in size (see MAX_COLLECTION_ENTRIES), because the schema check
 *   costs time per unknown key times the keys beside it (50,000 unknown keys took 40 s).
 */
import { Alias, Composer, isAlias, isMap, isPair, isScalar, isSeq, Lexer, Parser, YAMLParseError } from 'yaml';
import type { CST, Document, Node as YNode } from 'yaml';
import { LIMIT_TEXT } from '../i18n/parse';

/** Deepest nesting of collections accepted; a report needs 5. */
export const MAX_NESTING_DEPTH = 100;
/** Most entries in one mapping or list (a report has at most about 25). */
export const MAX_COLLECTION_ENTRIES = 1_000;
/** Most keys and list items in all (a complete report has about 350). */
export const MAX_TOTAL_ENTRIES = 20_000;

/**
 * Why a text was refused before composing: the schema check costs time per unknown key (and
 * per key of the mapping it is in), so absurd shapes are refused rather than checked for seconds.
 */
export interface Refusal {
  limit: 'depth' | 'entries' | 'total';
  /** Offset of the collection where the limit was passed. */
  at: number;
}

export type YamlResult = { doc: Document.Parsed; data: PlainData; refused?: undefined } | { doc?: undefined; data?: undefined; refused: Refusal };

/** The refusal as the detail of a `yaml-syntax` message. */
export function refusalDetail(r: Refusal, locale: string): string {
  const max = r.limit === 'depth' ? MAX_NESTING_DEPTH : r.limit === 'entries' ? MAX_COLLECTION_ENTRIES : MAX_TOTAL_ENTRIES;
  return LIMIT_TEXT[locale === 'en' ? 'en' : 'zh-CN'](r.limit, max);
}

/** Parses one YAML document (more than one is an error, as with `parseDocument`), within the limits above. */
export function parseYaml(text: string): YamlResult {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  let n = 0;
  let docs = 0;
  lexing: for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) {
      tokens.push(token);
      // A second document is already an error; the rest of a stream of `---` is not looked at.
      if (token.type === 'document' && ++docs === 2) break lexing;
    }
    // The parser's stack holds the document and every open collection: stop as soon as one is too
    // deep or (looked at now and then) too long, rather than parse 2 MB of `[1,1,1,…`.
    if (parser.stack.length > MAX_NESTING_DEPTH + 2) return { refused: { limit: 'depth', at: parser.offset } };
    if (++n % 4096 === 0) {
      const long = parser.stack.find((t) => 'items' in t && t.items.length > MAX_COLLECTION_ENTRIES);
      if (long) return { refused: { limit: 'entries', at: long.offset } };
    }
  }
  if (docs < 2) for (const token of parser.end()) tokens.push(token);
  const refused = measure(tokens);
  if (refused) return { refused };

  // As `parseDocument`, but with duplicate keys checked below. Errors carry no stack trace: the
  // composer makes one per problem, and capturing 300,000 traces (`!!str !!str …`) took 2 s.
  let doc: Document.Parsed | undefined;
  let data: PlainData;
  const traces = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const d of new Composer({ uniqueKeys: false }).compose(tokens, true, text.length)) {
      if (!doc) doc = d;
      else {
        doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
        break;
      }
    }
    data = inspect(doc!, MAX_ALIAS_NODES);
  } finally {
    Error.stackTraceLimit = traces;
  }
  return { doc: doc!, data };
}

const isCollection = (t: CST.Token): boolean => t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';

/** Depth and entry counts of the CST (an iterative walk, so any depth is safe here). */
function measure(tokens: CST.Token[]): Refusal | undefined {
  // Tokens and their depths on two parallel stacks (no pair allocated per token).
  const stack: (CST.Token | null | undefined)[] = [...tokens];
  const depths: number[] = tokens.map(() => 0);
  let total = 0;
  while (stack.length > 0) {
    const token = stack.pop();
    const depth = depths.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push(token.value);
        depths.push(depth);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (depth + 1 > MAX_NESTING_DEPTH) return { limit: 'depth', at: token.offset };
        if (token.items.length > MAX_COLLECTION_ENTRIES) return { limit: 'entries', at: token.offset };
        total += token.items.length;
        if (total > MAX_TOTAL_ENTRIES) return { limit: 'total', at: token.offset };
        for (const item of token.items) {
          const { key, value } = item as CST.CollectionItem;
          // Scalars hold no collection: only keys and values that may are pushed.
          if (key && isCollection(key)) {
            stack.push(key);
            depths.push(depth + 1);
          }
          if (value && isCollection(value)) {
            stack.push(value);
            depths.push(depth + 1);
          }
        }
        break;
    }
  }
  return undefined;
}

/** Most nodes aliases may add to the plain data (an "alias bomb" beyond). */
export const MAX_ALIAS_NODES = 10_000;

/**
 * The document as plain data for the schema check, as `doc.toJS()` makes it (string keys, an
 * alias is the same JS value as its anchor), or the fact that aliases stand for more than
 * MAX_ALIAS_NODES nodes (counted per anchor, never expanded).
 */
export type PlainData = { value: unknown; aliasBomb?: undefined } | { value?: undefined; aliasBomb: true };

/** Up to this many keys a mapping's duplicates are found by comparing each key with those before it. */
const SMALL_MAP = 8;

/** What two keys are compared by (as a set would: a scalar's value, any other node itself). */
const keyValue = (k: unknown): unknown => (isScalar(k) ? k.value : k);

/**
 * One walk in document order (the composed tree is walked once, not once per use):
 * - duplicate keys, as `uniqueKeys: true` defines them (same node, or scalars with the same value);
 * - each alias's target (the last node with that anchor before it, as `Alias.resolve` finds it),
 *   fixed on the alias so later `resolve(doc)` calls are O(1);
 * - the plain data (PlainData), with the nodes each alias stands for counted against the budget.
 */
function inspect(doc: Document.Parsed, maxAliasNodes: number): PlainData {
  const anchors = new Map<string, YNode>();
  const resolveFully = Alias.prototype.resolve;
  // The value made for an anchored node, and its size (nodes, aliases counted as what they stand for).
  const made = new Map<unknown, { value: unknown; size: number }>();
  let added = 0;
  // Nodes made so far: a node's size is how much this grows while it is made (no [value, size]
  // pair per node: this runs over every node of every check).
  let count = 0;
  let bomb = false;
  // Returns the node's plain value. Recursion is bounded by MAX_NESTING_DEPTH (measured before).
  const visit = (node: unknown): unknown => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      // With a context (yaml's own toJS) keep yaml's bookkeeping; plain lookups use the target.
      Object.defineProperty(node, 'resolve', {
        configurable: true,
        writable: true,
        value(this: Alias, d: Document, ctx?: unknown) {
          return ctx ? resolveFully.call(this, d, ctx as Parameters<Alias['resolve']>[1]) : target;
        },
      });
      const known = made.get(target);
      // A self-reference (`&a [*a]`) is still being made: its size so far is 1.
      const size = known ? known.size : 1;
      added += size;
      if (added > maxAliasNodes) bomb = true;
      count += size;
      return known?.value;
    }
    if (node === null || node === undefined) return null;
    count++;
    if (typeof node !== 'object') return node;
    const anchor = (node as YNode).anchor;
    if (anchor) anchors.set(anchor, node as YNode);
    if (!anchor && isScalar(node)) return node.value;
    const before = count - 1;
    const anchored = anchor ? { value: undefined as unknown, size: 1 } : undefined;
    if (anchored) made.set(node, anchored);
    let value: unknown;
    if (isScalar(node)) value = node.value;
    else if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      if (anchored) anchored.value = obj;
      // Most mappings of a report have a few keys: compared in place, a set only for long ones.
      const items = node.items;
      const seen = items.length > SMALL_MAP ? new Set<unknown>() : undefined;
      for (let i = 0; i < items.length; i++) {
        const pair = items[i];
        const k = visit(pair.key);
        const id = keyValue(pair.key);
        let repeated = false;
        if (!(typeof id === 'number' && Number.isNaN(id))) {
          if (seen) repeated = seen.has(id);
          else for (let j = 0; j < i && !repeated; j++) repeated = keyValue(items[j].key) === id;
        }
        if (repeated) {
          const range = (pair.key as YNode | null)?.range ?? (pair.value as YNode | null)?.range ?? [0, 0, 0];
          doc.errors.push(new YAMLParseError([range[0], Math.max(range[1], range[0] + 1)], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else seen?.add(id);
        setKey(obj, stringKey(k), visit(pair.value));
      }
      value = obj;
    } else if (isSeq(node)) {
      const arr: unknown[] = [];
      if (anchored) anchored.value = arr;
      for (const item of node.items) arr.push(visit(item));
      value = arr;
    } else if (isPair(node)) {
      const obj: Record<string, unknown> = {};
      if (anchored) anchored.value = obj;
      const k = visit(node.key);
      setKey(obj, stringKey(k), visit(node.value));
      value = obj;
    }
    if (anchored) Object.assign(anchored, { value, size: count - before });
    return value;
  };
  const value = visit(doc.contents);
  return bomb ? { aliasBomb: true } : { value };
}

/**
 * A later duplicate key wins, as in `doc.toJS()`. Assignment does that for every key but
 * `__proto__`, whose inherited setter would change the prototype: that one is defined as an own
 * key. (Every other property of Object.prototype is a writable data property, which assignment
 * shadows; no `in` look-up per key.)
 */
function setKey(obj: Record<string, unknown>, key: string, v: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value: v, writable: true, enumerable: true, configurable: true });
  else obj[key] = v;
}

/** A map key as `doc.toJS()` writes it; a collection key in YAML flow style (`{ a: 1 }`). */
function stringKey(k: unknown): string {
  if (k === null || k === undefined) return '';
  return typeof k === 'object' ? flowText(k, new Set()) : String(k);
}

function flowText(v: unknown, open: Set<unknown>): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v !== 'object') return String(v);
  if (open.has(v)) return '*';
  open.add(v);
  const parts = Array.isArray(v) ? v.map((x) => flowText(x, open)) : Object.entries(v).map(([k, x]) => `${k}: ${flowText(x, open)}`);
  open.delete(v);
  const [l, r] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
  return parts.length ? `${l} ${parts.join(', ')} ${r}` : `${l}${r}`;
}
