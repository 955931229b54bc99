/**
 * JSON Schema (draft-07) generated from a format definition, with the official labels as titles.
 * Committed under schemas/ for other YAML tools, and used by ajv for the structural check.
 */
import { TABLE_NOTE_KEY, SUBSECTION_KEYS } from '../format';
import type { CellNode, FormatDef, Node } from '../format';

type Schema = Record<string, unknown>;

const unitText: Record<string, string> = { 件: '单位：件', 万元: '单位：万元', 元: '单位：元' };

/** Whether a node may be left out: optional ones, and totals (computed when absent). */
export function mayOmit(node: Node): boolean {
  return Boolean(node.optional || (node.kind === 'cell' && node.total));
}

function cellSchema(cell: CellNode): Schema {
  const type = cell.decimal ? 'number' : 'integer';
  return {
    title: cell.label,
    description: [cell.description, unitText[cell.unit], cell.total ? '省略时自动计算' : undefined].filter(Boolean).join('；'),
    type: [type, 'null'],
    ...(cell.signed ? {} : { minimum: 0 }),
  };
}

function objectSchema(title: string, description: string | undefined, children: Node[], extra: Record<string, Schema> = {}, nullable = false): Schema {
  const properties: Record<string, Schema> = {};
  for (const child of children) properties[child.key] = nodeSchema(child);
  Object.assign(properties, extra);
  const required = children.filter((c) => !mayOmit(c)).map((c) => c.key);
  return {
    title,
    ...(description ? { description } : {}),
    type: nullable ? ['object', 'null'] : 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}

const textSchema = (title: string, description?: string): Schema => ({ title, ...(description ? { description } : {}), type: ['string', 'null'] });

function nodeSchema(node: Node, isTable = false): Schema {
  switch (node.kind) {
    case 'cell':
      return cellSchema(node);
    case 'row':
      return objectSchema(node.label, node.description, node.cells, {}, true);
    case 'group':
      return objectSchema(node.label, node.description, node.children, isTable ? { [TABLE_NOTE_KEY]: textSchema('备注', '印在表格下方的说明') } : {});
    case 'text':
      return textSchema(node.label, node.description);
    case 'section':
      return {
        title: node.label,
        description: node.description,
        type: ['string', 'array', 'null'],
        items: {
          type: 'object',
          properties: {
            [SUBSECTION_KEYS.title]: textSchema('标题', '小标题，按（一）（二）…编号'),
            [SUBSECTION_KEYS.body]: textSchema('正文'),
          },
          additionalProperties: false,
        },
      };
    case 'scalar':
      return {
        title: node.label,
        description: node.description,
        type: node.type,
        ...(node.enum ? { enum: node.enum } : {}),
        ...(node.minimum !== undefined ? { minimum: node.minimum } : {}),
        ...(node.maximum !== undefined ? { maximum: node.maximum } : {}),
      };
  }
}

export function generateSchema(def: FormatDef): Schema {
  const root = objectSchema(
    `政府信息公开工作年度报告（${def.source}）`,
    `政府信息公开工作年度报告源文件（*.xxgk.yaml），表格依据 ${def.source}`,
    [],
  );
  const properties: Record<string, Schema> = {};
  for (const part of def.parts) properties[part.node.key] = nodeSchema(part.node, Boolean(part.layout));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `urn:xxgk-report:schema:report-${def.id}`,
    ...root,
    properties,
    required: def.parts.filter((p) => !mayOmit(p.node)).map((p) => p.node.key),
  };
}
