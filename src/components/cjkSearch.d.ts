export const SEARCH_SHARDS: number;
export interface Term {
  term: string;
  tokens: number[];
  exact: boolean;
}
export function fold(text: unknown): string;
export function tokenKey(a: number, b?: number): number;
export function eachToken(text: unknown, emit: (key: number) => void): void;
export function shardOf(key: number): number;
export function parseQuery(query: unknown): Term[];
export function matchRanges(text: unknown, terms: Pick<Term, "term">[]): [number, number][];
export function searchText(text: unknown, options?: {length?: number}): string;
