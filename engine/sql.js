// SQL text built by the engine, the pipeline and the tests: one way to write a string as a SQL literal.

/** A value as a SQL string literal ('it''s'), for names, paths and ids put into SQL text. @param {unknown} s */
export const sqlTekst = (s) => `'${String(s).replace(/'/g, "''")}'`;
