/** The committed JSON Schema must match the format definition, and ajv must accept it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { schemaFiles } from '../../scripts/gen-schema';
import { root, example } from '../helpers';

test('committed schemas are up to date (run `npm run schema` after changing a format definition)', () => {
  for (const { file, text } of schemaFiles()) {
    const committed = fs.readFileSync(path.join(root, file), 'utf8');
    assert.equal(committed, text, `${file} is stale`);
  }
});

test('the schema carries official labels as Chinese titles', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/report-2021.schema.json'), 'utf8'));
  const t3 = schema.properties['依申请公开'];
  assert.equal(t3.title, '三、收到和处理政府信息公开申请情况');
  assert.equal(t3.properties['办理结果'].properties['不予公开'].properties['国家秘密'].title, '1.属于国家秘密');
  assert.deepEqual(Object.keys(t3.properties['本年新收'].properties), ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
});

test('ajv validates the examples with the committed schema', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/report-2021.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  assert.equal(validate(parse(example('clean-2024.xxgk.yaml'))), true, JSON.stringify(validate.errors));
  assert.equal(validate(parse(example('errors.xxgk.yaml'))), false);
});
