/** Pieces shared by the benchmark scripts: command-line options and the 5,000-line report. */

/** `--name=N` from the command line, or `fallback`. */
export function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const v = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a non-negative integer`);
  return v;
}

/** The example with `items` extra 总体情况 subsections of 5 lines each (each collection stays under the engine's 1,000-item limit). */
export function synthetic(base: string, items: number): string {
  const at = base.indexOf('主动公开:\n');
  if (at === -1) throw new Error('example: no 主动公开 section');
  let extra = '';
  for (let i = 1; i <= items; i++) {
    extra +=
      `  - 标题: 专项工作第${i}项\n` +
      `    正文: |\n` +
      `      第${i}项工作：我局围绕交通运输领域第${i}项重点任务，按照年度政务公开工作要点要求，主动公开相关政策文件和执行情况，并同步发布政策解读。\n` +
      `\n` +
      `      下一步，我局将持续做好第${i}项工作的信息发布和解读回应，确保公开信息准确、完整、及时。\n`;
  }
  return base.slice(0, at) + extra + base.slice(at);
}
