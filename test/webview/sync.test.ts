/** Extension-side timing and scroll sync, with a fake clock (no vscode needed). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ECHO_MS, EchoGuard, revealPosition, topLine } from '../../client/src/preview/sync';
import { Debouncer, Throttle } from '../../client/src/preview/timing';
import type { Timers } from '../../client/src/preview/timing';

function fakeClock() {
  let now = 0;
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (h) => void pending.delete(h as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { now: () => now, timers, advance };
}

test('Debouncer: 200 ms after the last change, at most 600 ms after the first', () => {
  const clock = fakeClock();
  const runs: number[] = [];
  const d = new Debouncer(() => runs.push(clock.now()), 200, 600, clock.now, clock.timers);
  d.trigger();
  clock.advance(100);
  d.trigger();
  clock.advance(199);
  assert.deepEqual(runs, []);
  clock.advance(1);
  assert.deepEqual(runs, [300]);
  // Typing without pause (every 100 ms): still one run at most every 600 ms.
  for (let i = 0; i < 14; i++) {
    d.trigger();
    clock.advance(100);
  }
  assert.deepEqual(runs, [300, 900, 1500]);
  clock.advance(1000);
  assert.deepEqual(runs, [300, 900, 1500, 1800]);
  d.trigger();
  d.dispose();
  clock.advance(1000);
  assert.equal(runs.length, 4);
});

test('Throttle: the first call at once, then the latest value once per interval', () => {
  const clock = fakeClock();
  const seen: number[] = [];
  const t = new Throttle<number>((v) => seen.push(v), 50, clock.now, clock.timers);
  t.call(1);
  t.call(2);
  t.call(3);
  assert.deepEqual(seen, [1]);
  clock.advance(50);
  assert.deepEqual(seen, [1, 3]);
  clock.advance(100);
  t.call(4);
  assert.deepEqual(seen, [1, 3, 4]);
});

test('EchoGuard: editor scrolls we caused are not sent back for 200 ms', () => {
  let now = 1000;
  const guard = new EchoGuard(() => now);
  assert.equal(guard.editorMayScrollPreview(), true);
  guard.revealingEditor();
  now += ECHO_MS - 1;
  assert.equal(guard.editorMayScrollPreview(), false);
  now += 1;
  assert.equal(guard.editorMayScrollPreview(), true);
});

test('fractional lines both ways', () => {
  assert.equal(topLine(10, 0, 40), 10);
  assert.equal(topLine(10, 21, 40), 10.5);
  const lengths = (l: number) => [10, 40, 0][l];
  assert.deepEqual(revealPosition(1.5, 3, lengths), { line: 1, character: 20 });
  assert.deepEqual(revealPosition(7.9, 3, lengths), { line: 2, character: 0 }, 'clamped to the last line');
  assert.deepEqual(revealPosition(-3, 3, lengths), { line: 0, character: 0 });
  assert.deepEqual(revealPosition(Number.NaN, 3, lengths), { line: 0, character: 0 });
});
