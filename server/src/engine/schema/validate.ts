/**
 * Structural check with ajv against the generated schema. Each ajv error is placed on the exact
 * YAML node and rewritten as a plain sentence (never a JSON pointer or an ajv keyword).
 */
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Document, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node as YNode } from 'yaml';
import { childKeys, lookup } from '../format';
import type { FormatDef, Node } from '../format';
import type { I18n } from '../i18n/messages';
import { VALUE_WORDS } from '../i18n/schema';
import { displayName } from '../parse/report';
import type { Finding, Report, Span } from '../parse/types';
import { generateSchema } from './generate';
import { suggestElsewhere, suggestKey } from './suggest';

const compiled = new WeakMap<FormatDef, ValidateFunction>();

function validatorFor(def: FormatDef): ValidateFunction {
  let v = compiled.get(def);
  if (!v) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    v = ajv.compile(generateSchema(def));
    compiled.set(def, v);
  }
  return v;
}

/** Keys along a JSON pointer ('/a/b~1c' → ['a', 'b/c']). */
function segments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Located {
  keySpan?: Span;
  valueSpan?: Span;
}

function deref(doc: Document.Parsed, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

/** Follow `segs` through the AST; returns the spans of the last key and its value. */
function locateNode(doc: Document.Parsed, segs: string[]): Located {
  let node = deref(doc, doc.contents);
  let out: Located = { valueSpan: node && (node as YNode).range ? [(node as YNode).range![0], (node as YNode).range![1]] : undefined };
  for (const seg of segs) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value ?? '') === seg);
      if (!pair) return out;
      const k = pair.key as YNode;
      const v = deref(doc, pair.value) as YNode | null;
      const keySpan: Span = [k.range![0], k.range![1]];
      out = { keySpan, valueSpan: v && v.range ? [v.range[0], v.range[1]] : [keySpan[1], keySpan[1]] };
      node = v;
    } else if (isSeq(node)) {
      const item = deref(doc, node.items[Number(seg)]) as YNode | null;
      if (!item || !item.range) return out;
      out = { keySpan: out.keySpan, valueSpan: [item.range[0], item.range[1]] };
      node = item;
    } else return out;
  }
  return out;
}

type Expected = Parameters<I18n['m']['expected']>[1];

function expectedKind(node: Node | undefined, segs: string[]): Expected {
  if (!node) return segs.length >= 2 && /^\d+$/.test(segs[segs.length - 1]) ? 'sectionItem' : 'string';
  switch (node.kind) {
    case 'cell':
      return node.decimal ? 'decimal' : node.signed ? 'signed' : 'count';
    case 'row':
      return 'row';
    case 'group':
      return 'mapping';
    case 'section':
      return 'section';
    case 'text':
      return 'string';
    case 'scalar':
      return node.key === '年度' ? 'year' : node.key === '格式' ? 'format' : node.type === 'integer' ? 'integer' : 'string';
  }
}

export function validateStructure(report: Report, doc: Document.Parsed, data: unknown, t: I18n): Finding[] {
  const validate = validatorFor(report.format);
  if (validate(data)) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const what = VALUE_WORDS[t.locale];
  for (const err of validate.errors ?? []) {
    const f = toFinding(err, report, doc, data, t, what);
    if (!f) continue;
    const id = `${f.code}:${f.span[0]}:${f.span[1]}:${f.cell ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    findings.push(f);
  }
  // A key the unknown-key suggests renaming to is missing because of that key: one error, not two.
  const renamed = new Set(findings.filter((f) => f.code === 'unknown-key' && f.data?.suggestion && f.cell).map((f) => `${f.cell!.slice(0, f.cell!.lastIndexOf('/') + 1)}${f.data!.suggestion}`));
  return renamed.size ? findings.filter((f) => f.code !== 'missing-item' || !renamed.has(f.cell ?? '')) : findings;
}

function toFinding(err: ErrorObject, report: Report, doc: Document.Parsed, data: unknown, t: I18n, what: (v: unknown) => string): Finding | undefined {
  const segs = segments(err.instancePath);
  const path = segs.join('/');
  const def = lookup(report.format, path);
  const name = displayName(path) || t.p.document;
  const at = locateNode(doc, segs);
  const valueSpan = at.valueSpan ?? [0, 0];
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String((err.params as { additionalProperty: string }).additionalProperty);
      const full = path ? `${path}/${key}` : key;
      if (report.repaired.has(full)) return undefined;
      const keyAt = locateNode(doc, [...segs, key]);
      const suggestion = suggestKey(key, childKeys(report.format, path));
      // Not a sibling: the key may belong deeper (属于国家秘密 written directly under 依申请公开).
      const elsewhere = suggestion ? undefined : suggestElsewhere(report.format, key, path);
      return {
        code: 'unknown-key',
        span: keyAt.keySpan ?? valueSpan,
        message: elsewhere ? t.m.belongsElsewhere(key, elsewhere) : t.m.unknownKey(key, suggestion),
        cell: full,
        ...(suggestion ? { data: { suggestion } } : {}),
      };
    }
    case 'required': {
      const missing = String((err.params as { missingProperty: string }).missingProperty);
      const full = path ? `${path}/${missing}` : missing;
      if (report.repaired.has(full) || report.labelled.has(full)) return undefined;
      const span: Span = at.keySpan ?? [0, 0];
      return { code: 'missing-item', span, message: t.m.missing(missing, path ? `「${name}」` : undefined), cell: full };
    }
    case 'type': {
      if (report.repaired.has(path)) return undefined;
      const value = valueAt(data, segs);
      // Not finite (.nan, .inf): the parse already said it is no usable number.
      if (typeof value === 'number' && !Number.isFinite(value) && def?.node.kind === 'cell') return undefined;
      const expected = expectedKind(def?.node, segs);
      if (typeof value === 'number' && (expected === 'count' || expected === 'integer' || expected === 'year' || expected === 'signed'))
        return { code: 'invalid-value', span: valueSpan, message: t.m.fraction(name, value), cell: path };
      return { code: 'invalid-value', span: valueSpan, message: t.m.expected(name, expected, what(value)), cell: path };
    }
    case 'minimum':
    case 'maximum': {
      const value = Number(valueAt(data, segs));
      if (def?.node.kind === 'cell' && !Number.isFinite(value)) return undefined;
      if (def?.node.kind === 'cell' && value < 0) return { code: 'invalid-value', span: valueSpan, message: t.m.negative(name, value), cell: path };
      const node = def?.node;
      const min = node && node.kind === 'scalar' ? node.minimum : 0;
      const max = node && node.kind === 'scalar' ? node.maximum : undefined;
      return { code: 'invalid-value', span: valueSpan, message: t.m.outOfRange(name, value, min, max), cell: path };
    }
    case 'enum': {
      const allowed = ((err.params as { allowedValues: unknown[] }).allowedValues ?? []).join(' / ');
      return { code: 'invalid-value', span: valueSpan, message: t.m.notOneOf(name, what(valueAt(data, segs)), allowed), cell: path };
    }
    default:
      return { code: 'invalid-value', span: valueSpan, message: t.m.expected(name, expectedKind(def?.node, segs), what(valueAt(data, segs))), cell: path };
  }
}

function valueAt(root: unknown, segs: string[]): unknown {
  let v = root;
  for (const s of segs) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[s];
  }
  return v;
}
