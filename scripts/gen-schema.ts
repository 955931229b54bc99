/**
 * Writes schemas/report-<format>.schema.json from the format definitions (`npm run schema`).
 * The committed files are checked against the definitions by test/schema.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formats } from '../server/src/engine/format';
import { generateSchema } from '../server/src/engine/schema/generate';

export function schemaFiles(): { file: string; text: string }[] {
  return Object.values(formats).map((def) => ({
    file: `schemas/report-${def.id}.schema.json`,
    text: JSON.stringify(generateSchema(def), null, 2) + '\n',
  }));
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..');
  for (const { file, text } of schemaFiles()) {
    fs.writeFileSync(path.join(root, file), text);
    console.log(`wrote ${file}`);
  }
}
