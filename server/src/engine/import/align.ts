/**
 * Order-preserving alignment of the data rows found in a document with the rows a table should
 * have (table 3's 25). Labels decide where they can; rows whose label is missing, garbled or
 * printed on the wrong line fill the gaps between rows that were recognised, in order. This is
 * the dynamic programme of sequence alignment: a match scores what its labels say, leaving an
 * expected row empty costs nothing, dropping a row of numbers costs a lot (every number the
 * document printed belongs somewhere).
 */

/** Score of leaving a document row out. */
export const DROP = -10;
/** A match the labels forbid. */
export const NEVER = -1000;

/** For each observed row, the index of the expected row it is aligned with (or undefined). */
export function align(observed: number, expected: number, score: (i: number, j: number) => number): (number | undefined)[] {
  // best[i][j]: best total for the first i observed and the first j expected rows.
  const best: number[][] = Array.from({ length: observed + 1 }, () => new Array<number>(expected + 1).fill(0));
  const move: number[][] = Array.from({ length: observed + 1 }, () => new Array<number>(expected + 1).fill(0));
  for (let i = 1; i <= observed; i++) {
    best[i][0] = best[i - 1][0] + DROP;
    move[i][0] = 1;
  }
  for (let j = 1; j <= expected; j++) move[0][j] = 2;
  for (let i = 1; i <= observed; i++) {
    for (let j = 1; j <= expected; j++) {
      const match = best[i - 1][j - 1] + score(i - 1, j - 1);
      const drop = best[i - 1][j] + DROP;
      const skip = best[i][j - 1];
      // Ties favour a match: a row of numbers between two recognised rows fills the gap.
      if (match >= drop && match >= skip) {
        best[i][j] = match;
        move[i][j] = 0;
      } else if (skip >= drop) {
        best[i][j] = skip;
        move[i][j] = 2;
      } else {
        best[i][j] = drop;
        move[i][j] = 1;
      }
    }
  }
  const out: (number | undefined)[] = new Array(observed).fill(undefined);
  let i = observed;
  let j = expected;
  while (i > 0 || j > 0) {
    const m = move[i][j];
    if (m === 0) {
      out[i - 1] = j - 1;
      i--;
      j--;
    } else if (m === 1) i--;
    else j--;
  }
  return out;
}
