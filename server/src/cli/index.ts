/** Process entry of the bundled CLI. */
import { setFlagsFromString } from 'node:v8';
import { main } from './main';

// A run checks file after file and keeps almost nothing of each (16 MB of live heap through 10,000
// reports): V8's default growth let each thread's heap reach about 85 MB between collections. Growing
// by half at a time keeps a run with two threads under 200 MB at the same speed (docs/benchmarks.md,
// run 7). Set before any work; worker threads share the process's flags.
setFlagsFromString('--heap-growing-percent=50');
// After a run has listed thousands of files, V8's allocation-site pretenuring began putting each
// report's short-lived objects straight into the old generation: a full collection every 0.4 s, each
// discarding optimised code, and the compiler never idle (a fifth of the CPU time of 10,000 reports;
// docs/benchmarks.md, run 8).
setFlagsFromString('--no-allocation-site-pretenuring');

// Output read by a pipe that closes early (`xxgk check … | head`): stop quietly, as other tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// Most commands answer synchronously; `export --docx` resolves later (the zip is built asynchronously).
void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
