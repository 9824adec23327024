export interface EngineAdapter {
  query(sql: string): Promise<Record<string, unknown>[]>;
  registerFileText(name: string, text: string): Promise<void>;
}
export interface Bundle { staging: { table: string; columns: { name: string; type: string }[]; csv: string }[]; models: { name: string; sql: string }[] }
export declare function loadStaging(db: EngineAdapter, bundle: Bundle): Promise<void>;
export declare function setOverrides(db: EngineAdapter, overrides: unknown[]): Promise<void>;
export declare function runModels(db: EngineAdapter, bundle: Bundle, filter?: (name: string) => boolean): Promise<void>;
export declare const PARAMETER_MODELS: (name: string) => boolean;
export interface ModelEngine {
  query(sql: string): Promise<Record<string, unknown>[]>;
  run(overrides: unknown[], filter?: (name: string) => boolean): Promise<void>;
  runModels(filter: (name: string) => boolean): Promise<void>;
  batch(steps: (string | ((name: string) => boolean))[]): Promise<Record<string, unknown>[]>;
  close(): void;
}
export declare function modelEngine(db: EngineAdapter, bundle: Bundle, close?: () => void): Promise<ModelEngine>;
export declare function overridesSql(overrides: unknown[]): string;
