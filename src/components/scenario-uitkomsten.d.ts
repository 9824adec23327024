export declare const UITKOMSTEN_SQL: string;
export declare const SCENARIO_MODELLEN: (name: string) => boolean;
export declare const ZONDER_SOBOL: { parameter_id: string; vanaf_jaar: null; waarde: string; laag: null; hoog: null; toelichting: string }[];
