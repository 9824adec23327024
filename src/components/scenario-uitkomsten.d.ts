export declare const UITKOMSTEN_SQL: string;
export declare const SCENARIO_MODELLEN: (name: string) => boolean;
