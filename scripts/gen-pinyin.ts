/**
 * Writes server/src/engine/editor/pinyin-table.json (`npm run pinyin`): the pinyin (toneless, ü as v,
 * as IMEs type it) and initials of every word completion offers — the keys of every format
 * definition and the skeleton item. test/features checks the committed table against this.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { allNodes, formats, SUBSECTION_KEYS, TABLE_NOTE_KEY } from '../server/src/engine/format';
import { COMPLETION_WORDS } from '../server/src/engine/editor/completion';

export const PINYIN_FILE = 'server/src/engine/editor/pinyin-table.json';

export function pinyinWords(): string[] {
  const words = new Set<string>([TABLE_NOTE_KEY, ...Object.values(SUBSECTION_KEYS), ...COMPLETION_WORDS]);
  for (const def of Object.values(formats)) {
    for (const part of def.parts) words.add(part.node.key);
    for (const loc of allNodes(def)) words.add(loc.node.key);
  }
  return [...words].sort();
}

export function pinyinText(): string {
  const table: Record<string, [string, string]> = {};
  for (const word of pinyinWords()) {
    const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true }).map((p) => p.toLowerCase());
    table[word] = [syllables.join(''), syllables.map((p) => p.charAt(0)).join('')];
  }
  // One word a line, so a change to the definitions shows as a readable diff.
  return `{\n${Object.entries(table).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`;
}

if (require.main === module) {
  fs.writeFileSync(path.join(path.resolve(__dirname, '..', '..'), PINYIN_FILE), pinyinText());
  console.log(`wrote ${PINYIN_FILE}`);
}
