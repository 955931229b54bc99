/**
 * `xxgk next <file> [-o out.xxgk.yaml] [--force]`: writes next year's report, continuing this one
 * (features/nextYear.ts builds the text). Default target `<dir>/<机关><年度 + 1>.xxgk.yaml`; an
 * existing file is never replaced without --force (exit 2, one line).
 */
import * as path from 'node:path';
import { check, CLI_TEXT } from '../engine';
import { nextYear, NextYearError, nextYearFileName } from '../engine';
import { relativeRef } from '../engine';
import type { Locale } from '../engine';
import { readSource, refuseOwnInput, UsageError, writeNew } from './files';
import type { Io } from './io';

export function runNext(args: string[], output: string | undefined, force: boolean, locale: Locale, io: Io): number {
  if (args.length !== 1) throw new UsageError((t) => t.needsOneFile('next') + t.seeHelp);
  const [file] = args;
  const { text: source, encoding } = readSource(file);
  const result = check(source, { locale, encoding });
  let target: string;
  let text: string;
  try {
    target = output ?? path.join(path.dirname(file), nextYearFileName(result));
    // 上年报告 is relative to the new file, so the pair still works wherever it is written.
    text = nextYear(result, relativeRef(target, file));
  } catch (e) {
    if (e instanceof NextYearError) {
      const { refusal } = e;
      throw new UsageError((t) => t.cannotStartNext(file, t.nextYearRefusal(refusal)));
    }
    throw e;
  }
  refuseOwnInput(target, file);
  writeNew(target, text, force);
  io.out(`${CLI_TEXT[locale].wrote(target)}\n`);
  return 0;
}
