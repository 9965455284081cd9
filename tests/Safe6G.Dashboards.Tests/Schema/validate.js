// Usage: node validate.js FILE...   Prints one JSON line per file: {"file", "valid", "errors"}; exit 1 if any is invalid.
// The schema is generated from @grafana/schema's classic Dashboard interface (it ships no JSON Schema).
// __inputs/__requires are the export envelope Grafana's file import reads; they are not part of the Dashboard
// type (whose schema forbids extra properties), so they are checked by the C# tests and removed here.
const fs = require("fs");
const path = require("path");
const tsj = require("ts-json-schema-generator");
const Ajv = require("ajv");

const typesFile = path.join(__dirname, "node_modules/@grafana/schema/dist/types/raw/dashboard/x/types.gen.d.ts");
const schemaFile = path.join(__dirname, "dashboard.schema.json");
if (!fs.existsSync(schemaFile)) {
  const schema = tsj.createGenerator({ path: typesFile, type: "Dashboard", skipTypeCheck: true }).createSchema("Dashboard");
  fs.writeFileSync(schemaFile, JSON.stringify(schema));
}
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
let failed = false;
for (const file of process.argv.slice(2)) {
  const dashboard = JSON.parse(fs.readFileSync(file, "utf8"));
  delete dashboard.__inputs;
  delete dashboard.__requires;
  const valid = validate(dashboard);
  failed = failed || !valid;
  const errors = (validate.errors || []).map(e => `${e.instancePath} ${e.message}${e.params && e.params.additionalProperty ? " '" + e.params.additionalProperty + "'" : ""}`);
  console.log(JSON.stringify({ file: path.basename(file), valid, errors }));
}
process.exit(failed ? 1 : 0);
