/**
 * The one escaping function of the renderer. Every text and every attribute value goes through
 * it, so source prose (which may contain `<script>` or quotes) can only ever come out as text.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** An attribute value; `undefined`, `false` and '' drop the attribute. */
export type AttrValue = string | number | undefined | false;

/** Attribute names are constants of the renderer; only values come from the report. */
export function attrs(values: Record<string, AttrValue>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === false || value === '') continue;
    out += ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}

/** An element whose inner HTML is already escaped (built by the renderer). */
export function el(name: string, attributes: Record<string, AttrValue>, innerHtml: string): string {
  return `<${name}${attrs(attributes)}>${innerHtml}</${name}>`;
}

/** Joins class names, skipping empty ones. */
export function classes(...names: (string | undefined | false)[]): string | undefined {
  const list = names.filter((n): n is string => typeof n === 'string' && n.length > 0);
  return list.length ? list.join(' ') : undefined;
}
