/** Process entry of the bundled CLI. */
import { main } from './main';

// Output read by a pipe that closes early (`xxgk check … | head`): stop quietly, as other tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// Most commands answer synchronously; `export --docx` resolves later (the zip is built asynchronously).
void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
