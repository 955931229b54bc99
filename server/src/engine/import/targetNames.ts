/**
 * Names of the sources an import of several files writes: two inputs never share one. No imports:
 * the CLI and the VS Code extension both use this file.
 */

/** `a.xxgk.yaml` → `a-2.xxgk.yaml` (also on a whole path: only the file name changes). */
export function numberedName(name: string, n: number): string {
  const m = /^(.*?)(\.xxgk\.ya?ml|\.[^./\\]*)?$/i.exec(name) as RegExpExecArray;
  return `${m[1]}-${n}${m[2] ?? ''}`;
}

/**
 * `names` made distinct in order: the later twins get `-2`, `-3`… (compared by `key`: case-insensitive
 * by default, as on Windows and macOS), so a run names its files the same way again.
 */
export function distinctNames(names: readonly string[], key: (name: string) => string = (s) => s.toLowerCase()): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let out = name;
    for (let n = 2; used.has(key(out)); n++) out = numberedName(name, n);
    used.add(key(out));
    return out;
  });
}
