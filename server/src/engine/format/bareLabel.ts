/** Labels without their numbering, as prose and look-ups compare them. */
import { toHalfwidth } from '../parse/fullwidth';

/** Strips the numbering official labels carry: 1. 1、 （一） 一、 (3) … */
export function bareLabel(label: string): string {
  return toHalfwidth(label)
    .replace(/\s+/g, '')
    .replace(/^(\(?[0-9一二三四五六七八九十]+[).、．]?\)?[.、]?)/, '')
    .replace(/[“”"]/g, '');
}
