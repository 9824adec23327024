// The public interface (models/publiek.csv, carried into the warehouse with COMMENT ON): every published table with
// its description, and every column with its type, unit and description. Page "Data en bronnen".
import { publish } from "./warehouse.ts";

await publish({
  tabellen: `WITH t AS (SELECT table_name AS tabel, comment FROM duckdb_tables() WHERE schema_name = 'main'
                      UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal)
             SELECT t.tabel, t.comment AS omschrijving, count(c.column_name) AS kolommen
             FROM t JOIN duckdb_columns() c ON c.table_name = t.tabel AND c.schema_name = 'main'
             WHERE t.comment IS NOT NULL AND t.tabel NOT LIKE 'stg\\_%' ESCAPE '\\'
             GROUP BY ALL ORDER BY t.tabel`,
  kolommen: `SELECT c.table_name AS tabel, c.column_name AS kolom, c.data_type AS type,
                    regexp_extract(c.comment, '\\[([^\\]]+)\\]$', 1) AS eenheid, regexp_replace(c.comment, ' \\[[^\\]]+\\]$', '') AS omschrijving
             FROM duckdb_columns() c
             WHERE c.schema_name = 'main' AND c.table_name NOT LIKE 'stg\\_%' ESCAPE '\\'
               AND c.table_name IN (SELECT table_name FROM duckdb_tables() WHERE comment IS NOT NULL
                                    UNION ALL SELECT view_name FROM duckdb_views() WHERE comment IS NOT NULL)
             ORDER BY c.table_name, c.column_index`,
});
