// Checks that each SQL file given holds statements Trino's grammar accepts (dt-sql-parser's TrinoSQL).
// Prints {"file": ["message", ...]} for every file and exits 1 when any has an error.
import { readFileSync } from 'node:fs';
import { TrinoSQL } from 'dt-sql-parser';

const parser = new TrinoSQL();
const report = {};
let failed = false;
for (const file of process.argv.slice(2)) {
  const errors = parser.validate(readFileSync(file, 'utf8')).map(e => `${e.startLine}:${e.startColumn} ${e.message}`);
  report[file] = errors;
  failed ||= errors.length > 0;
}
console.log(JSON.stringify(report));
process.exit(failed ? 1 : 0);
