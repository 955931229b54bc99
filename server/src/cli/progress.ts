/**
 * Progress of a long run on stderr: files done / total, files per second, time remaining, redrawn
 * on one line at most a few times a second. Silent unless stderr is a terminal, or with --quiet:
 * logs and pipes get only the results.
 */
import { CLI_TEXT } from '../engine';
import type { Locale } from '../engine';

export interface Progress {
  tick(): void;
  done(): void;
}

const silent: Progress = { tick: () => undefined, done: () => undefined };

export function progress(total: number, options: { quiet: boolean; locale: Locale; label?: string }, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (options.quiet || !stream.isTTY || total === 0) return silent;
  const start = Date.now();
  let done = 0;
  let drawn = 0;
  const t = CLI_TEXT[options.locale];
  const draw = () => {
    const seconds = (Date.now() - start) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = rate > 0 ? Math.ceil((total - done) / rate) : undefined;
    const eta = left === undefined ? '…' : left >= 60 ? `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` : t.eta(left);
    const label = options.label ? `${options.label} ` : '';
    const text = t.progress(label, done, total, rate.toFixed(1), eta);
    stream.write(`\r\x1b[2K${text}`);
  };
  return {
    tick() {
      done++;
      const now = Date.now();
      if (now - drawn >= 200 || done === total) {
        drawn = now;
        draw();
      }
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}
