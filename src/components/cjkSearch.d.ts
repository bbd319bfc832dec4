export function searchText(text: unknown, options?: {length?: number}): string;
