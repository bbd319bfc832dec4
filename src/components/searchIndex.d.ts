export const SEARCH_MAGIC: string;
export const SEARCH_HEADER_BYTES: number;
export function shardPostings(
  bytes: Uint8Array,
  keys: number[]
): Map<number, {ordinals: Float64Array; values: Float64Array}>;
export function search(query: string, urls: {indexUrl: string; storeUrl: string}): Promise<any>;
