export declare const EIGEN_CODE: string;
export declare function keuzeStatements(v: {
  jaar: number;
  trekkingen?: number | null;
  seed?: number | null;
  sobolN?: number | null;
  eigen?: { code: string; naam: string; inwoners: number }[];
  selectie?: string[];
}): string[];
export declare const INSTELLINGEN_MODEL: string;
export declare const VERGELIJKINGSMODELLEN: (name: string) => boolean;
export declare const MODELLEN_VOOR_VERGELIJKING: (name: string) => boolean;
