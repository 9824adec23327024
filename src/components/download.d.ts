/** Prefixes text that a spreadsheet would read as a formula (=, +, -, @, tab, CR) with an apostrophe. */
export declare function neutralise<T>(v: T): T | string;
export declare function toCsv(rows: Record<string, unknown>[], columns: { key: string; label?: string }[]): string;
export declare function toSheet(rows: Record<string, unknown>[], columns: { key: string; label?: string }[]): unknown[][];
export declare function downloadButtons(rows: Record<string, unknown>[], columns: { key: string; label?: string }[], filename: string): HTMLElement;
export declare function toCsvNl(rows: Record<string, unknown>[], columns: { key: string; label?: string }[]): string;
