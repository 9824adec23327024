export declare const ALIASSEN: Record<string, string>;
export declare function normaliseer(s: string): string;
export declare function afstand(a: string, b: string): number;
export declare function zoekGemeenten<T extends { naam: string; code: string }>(gemeenten: T[], query: string): T[];
