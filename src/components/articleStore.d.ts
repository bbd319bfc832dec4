export const STORE_MAGIC: string;
export const BUCKETS: number;
export const HEADER_BYTES: number;
export const ORDINALS: number;
export function bucketOf(id: string): number;
export interface StoredArticle {
  article: Record<string, any>;
  facts: Record<string, any>[];
}
export function articleById(url: string, id: string | null | undefined): Promise<StoredArticle | null>;
export function articleByOrdinal(url: string, ordinal: number): Promise<StoredArticle>;
export function articlesByOrdinals(url: string, ordinals: number[]): Promise<StoredArticle[]>;
