/** Process entry of the bundled CLI. */
import { main } from './main';

// Most commands answer synchronously; `export --docx` resolves later (the zip is built asynchronously).
void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
