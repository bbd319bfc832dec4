export const LANG: string;
export const FAVICON: string;
export function rootOf(path: string): string;
export function faviconLink(path: string): string;
export function header(path: string): string;
export const FOOTER: string;
