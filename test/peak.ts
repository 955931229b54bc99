/**
 * Preloaded (`node -r`) into a child process whose peak memory a test measures: at exit, the
 * process's maximum resident set size (KiB) is written to the file XXGK_PEAK_FILE names.
 */
import * as fs from 'node:fs';

const file = process.env.XXGK_PEAK_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));
