// Hostile inputs for the number scanner (issues 13 and 15): floods of approximation cues, fractions, 两 and 零 that made
// a scanner which rescans from each position or looks back without bound take quadratic time. Each generator gives
// about `chars` characters of one pattern; the bench checks that twice the input takes at most 2.5 times as long.

export const HOSTILE_NUMBERS: Readonly<Record<string, (chars: number) => string>> = {
  "approximation cues 约3余多近3左右": (n) => "约3余多近3左右".repeat(n / 9),
  "approximation cues 近约超过上万余": (n) => "近约超过上万余多来".repeat(n / 9),
  "approximate Chinese 三十余万多": (n) => "三十余万多".repeat(n / 5),
  "fractions 三分之二": (n) => "三分之二".repeat(n / 4),
  "fractions 百分之": (n) => "百分之".repeat(n / 3),
  "fractions x分之y back to back": (n) => "3分之2分之1分之".repeat(n / 8),
  "fractions 又三分之一": (n) => "二又三分之一又".repeat(n / 7),
  "两 repeated": (n) => "两".repeat(n),
  "二两 repeated": (n) => "二两".repeat(n / 2),
  "一两 repeated": (n) => "一两".repeat(n / 2),
  "三两 repeated": (n) => "三两".repeat(n / 2),
  "十 then 零": (n) => "十" + "零".repeat(n - 1),
  "一 then 零": (n) => "一" + "零".repeat(n - 1),
  "十 repeated": (n) => "十".repeat(n),
  "三余 repeated": (n) => "三余".repeat(n / 2),
  "3至 ranges": (n) => "3至".repeat(n / 2),
  "1,000, groups": (n) => "1,000,".repeat(n / 6),
  "figures without stops 共投入5万元": (n) => "每年共投入5万元帮扶3户".repeat(n / 12),
  "rate cues without clause ends 每月": (n) => "每月".repeat(n / 2 - 4) + "投入5万元"
};

/** The fastest of `runs` timings of f, in milliseconds: the machine is shared, the minimum is the least disturbed. */
export function fastest(f: () => void, runs = 3): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}
