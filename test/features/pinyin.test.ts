/** The committed pinyin table matches the format definitions, and lookups use it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PINYIN_FILE, pinyinText, pinyinWords } from '../../scripts/gen-pinyin';
import { matchRank, spellings } from '../../server/src/engine/editor/pinyin';
import { root } from '../helpers';

test('pinyin-table.json is up to date (run `npm run pinyin` after changing a format definition)', () => {
  assert.equal(fs.readFileSync(path.join(root, PINYIN_FILE), 'utf8'), pinyinText());
});

test('every key of every format has a spelling', () => {
  for (const word of pinyinWords()) assert.ok(spellings(word).initials.length > 0, word);
  assert.deepEqual(spellings('自然人'), { full: 'ziranren', initials: 'zrr' });
  assert.equal(spellings('法律服务机构').fullU, 'falufuwujigou');
  assert.equal(matchRank('bnxs', '本年新收'), 0);
  assert.equal(matchRank('xyz', '本年新收'), undefined);
});
