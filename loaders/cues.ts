// Which patterns of a list a line can match, from one pass over it: each pattern names its cues, characters of which
// every text it matches holds at least one, and a line is put only to the patterns it holds a cue of. Most lines
// hold none of a list's rare characters, and a table read per character costs less than trying every regex.
// Each cue character has a slot in a byte table (64 kB, which stays in the processor's cache where a table of
// 32-bit masks by code unit does not), each slot a mask of the patterns it cues.

export interface CueTable {
  /** Any cue of the list, as a character class: a regex scans for a few characters faster than a loop reads a
   * table, so where most texts hold none, each costs one test (anyCue). */
  any: RegExp;
  slots: Uint8Array;
  masks: Int32Array;
  /** The patterns tried whatever the text holds: those without cues. */
  always: number;
}

/** The cue table of a list of at most 32 patterns' cues (a bit each), in list order (undefined: no cues, always
 * tried). */
export function cueTable(cues: readonly (string | undefined)[]): CueTable {
  if (cues.length > 32) throw new Error(`cueTable: ${cues.length} patterns, at most 32 (split the list)`);
  const slots = new Uint8Array(0x10000);
  const masks = [0];
  let always = 0;
  cues.forEach((chars, k) => {
    if (chars === undefined || chars === "") {
      always |= 1 << k;
      return;
    }
    for (let i = 0; i < chars.length; i++) {
      const c = chars.charCodeAt(i);
      if (!slots[c]) {
        if (masks.length === 256) throw new Error("cueTable: more than 255 cue characters");
        slots[c] = masks.push(0) - 1;
      }
      masks[slots[c]] |= 1 << k;
    }
  });
  const chars = [...new Set(cues.join(""))].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return {any: new RegExp(`[${chars.join("")}]`), slots, masks: Int32Array.from(masks), always};
}

/** The mask of the patterns text[from, to) may match: bit k for pattern k. */
export function cued(table: CueTable, text: string, from = 0, to = text.length): number {
  const {slots, masks} = table;
  let mask = table.always;
  const end = Math.min(to, text.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const slot = slots[text.charCodeAt(i)];
    if (slot !== 0) mask |= masks[slot];
  }
  return mask;
}

/** Whether text[from, to) holds any cue of the table: for a list whose cues most texts lack, a test before `cued`. */
export function anyCue(table: CueTable, text: string, from = 0, to = text.length): boolean {
  return table.any.test(from > 0 || to < text.length ? text.slice(from, to) : text);
}

/** Whether pattern k is to be tried, given the mask `cued` gave (0: none is). */
export const mayMatch = (mask: number, k: number): boolean => (mask & (1 << k)) !== 0;
