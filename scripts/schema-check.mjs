// Stop-gap validator for seed encoders until the engine lands: node scripts/schema-check.mjs FILE...
import fs from 'node:fs';
import { parseDocument } from 'yaml';
import Ajv from 'ajv';
const schema = JSON.parse(fs.readFileSync(new URL('../schemas/plan.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
let bad = 0;
for (const f of process.argv.slice(2)) {
  const doc = parseDocument(fs.readFileSync(f, 'utf8'), { schema: 'core', merge: false, uniqueKeys: true });
  if (doc.errors.length) { bad++; console.log(f, doc.errors.map(String)); continue; }
  const ok = validate(doc.toJS({ maxAliasCount: 100 }));
  if (!ok) { bad++; console.log(f, JSON.stringify(validate.errors.slice(0, 30), null, 1)); } else console.log(f, 'ok');
}
process.exit(bad ? 1 : 0);
