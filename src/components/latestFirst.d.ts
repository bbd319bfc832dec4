export function latestFirst(
  a: {date: string | null; doc: string; seq: number},
  b: {date: string | null; doc: string; seq: number}
): number;
