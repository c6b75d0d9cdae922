// Validates Kubernetes manifests offline: the schemas of the Kubernetes API (npm kubernetes-models)
// and of the Prometheus Operator CRDs, field names, and the project's deployment policies.
//
//   node tests/deploy/validate_manifests.mjs [options] FILE...      (FILE "-" reads stdin)
//
// Each FILE is a multi-document YAML stream, e.g. the output of `kustomize build`. Per document:
//   schema    the model class for apiVersion/kind is constructed and validate()d (types, enums,
//             required fields); an apiVersion no installed model package knows is an error,
//             except monitoring.coreos.com objects without @kubernetes-models/prometheus-operator,
//             which are skipped with a "skip" line;
//   fields    every field name must exist in the model's type declarations (validate() alone lets
//             a misspelt optional field through);
//   policy    workloads: >= 2 replicas, non-root, read-only root filesystem, no privilege
//             escalation, ALL capabilities dropped, RuntimeDefault seccomp, startup/readiness/
//             liveness probes, CPU and memory requests and limits, a pinned image, a
//             terminationGracePeriodSeconds >= 25 and >= preStop sleep + --shutdown_grace,
//             every $(VAR) of args resolvable, service mode with a token file on a Secret volume;
//             Services, HPAs and PDBs must select/target the workload; PrometheusRule exprs must
//             parse as PromQL and name only metrics the gateway exports (--metrics FILE).
// Options:
//   --metrics FILE     metric names the gateway exports, one a line (checks PrometheusRule exprs)
//   --promql-md FILE   also parse every ```promql block of a Markdown file (docs/operations.md)
//   --alerts-doc FILE  every PrometheusRule alert must be in that Markdown file: its name in bold,
//                      its expr (whitespace aside) as a ```promql block, its runbook anchor a
//                      heading
//   --emit-args FILE   write each gateway container's args, $(VAR)s expanded, and its memory limit
//                      as one JSON object a line, {"args": [...], "memoryLimit": BYTES or null}
//                      (for tests/deploy/flags_smoke.py)
//   --expect-errors    each FILE is a negative fixture: it must fail, with every "# expect: TEXT"
//                      line's TEXT among its errors
// Node modules come from $DEPLOY_NODE_MODULES, else tools/node_modules of this repository.
// Prints one line per document and a final "N documents, N errors"; exits 1 on any error.

import { readFileSync, readdirSync, existsSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isWorkload, otherPolicy, workloadPolicy } from "./policy.mjs";
import { alertsDocErrors, initPromql, markdownPromql, ruleErrors } from "./promql.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const nodeModules = resolve(process.env.DEPLOY_NODE_MODULES || join(here, "../../tools/node_modules"));
let YAML;
try {
  YAML = createRequire(import.meta.url)(join(nodeModules, "yaml"));
} catch {
  console.error(`validate_manifests: npm package "yaml" not found under ${nodeModules} (run scripts/setup)`);
  process.exit(2);
}

const MODEL_PACKAGES = [
  { dir: join(nodeModules, "kubernetes-models"), groups: null },
  { dir: join(nodeModules, "@kubernetes-models/prometheus-operator"), groups: ["monitoring.coreos.com"] },
];
const TYPE_DIRS = [join(nodeModules, "@kubernetes-models/apimachinery"), ...MODEL_PACKAGES.map((p) => p.dir)];
const emittedArgs = []; // expanded args and memory limit of every gateway container, for --emit-args

// ---------------------------------------------------------------------------------------------
// Model lookup and schema validation.

const moduleCache = new Map();
async function modelModule(apiVersion) {
  if (moduleCache.has(apiVersion)) return moduleCache.get(apiVersion);
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  let found = null;
  for (const pkg of MODEL_PACKAGES) {
    if (pkg.groups && !pkg.groups.includes(group)) continue;
    const file = join(pkg.dir, apiVersion, "index.js");
    if (existsSync(file)) {
      found = { module: await import(pathToFileURL(file).href), dir: join(pkg.dir, apiVersion) };
      break;
    }
  }
  moduleCache.set(apiVersion, found);
  return found;
}

function schemaErrors(Model, doc) {
  try {
    new Model(doc).validate();
    return [];
  } catch (e) {
    if (!Array.isArray(e.errors)) return [`schema: ${e.message}`];
    return e.errors.map((err) => {
      const where = err.instancePath || "/";
      const extra = err.params?.allowedValues ? ` (${err.params.allowedValues.join(", ")})` : "";
      return `schema: ${where} ${err.message}${extra}`;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Field names, from the models' TypeScript declarations: each interface's fields and their types.

let typeIndex = null;
function buildTypeIndex() {
  const interfaces = new Map(); // "file#IName" -> Map(field -> type text)
  const aliases = new Map(); // exported alias -> "file#IName"
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (entry === "_schemas" || entry === "node_modules") continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith(".d.ts")) indexFile(path);
    }
  };
  const indexFile = (path) => {
    const text = readFileSync(path, "utf8");
    for (const m of text.matchAll(/^export interface (\w+)(?: extends [^{]+)? \{\n([\s\S]*?)\n\}/gm)) {
      const fields = new Map();
      for (const f of m[2].matchAll(/^ {4}"([^"]+)"\??: (.*?);?$/gm)) fields.set(f[1], f[2]);
      interfaces.set(`${path}#${m[1]}`, fields);
    }
    for (const m of text.matchAll(/^export type \{([^}]*)\}/gm)) {
      for (const pair of m[1].split(",")) {
        const [local, alias] = pair.trim().split(/\s+as\s+/);
        if (alias && interfaces.has(`${path}#${local}`)) aliases.set(alias, `${path}#${local}`);
      }
    }
  };
  for (const dir of TYPE_DIRS) if (existsSync(dir)) walk(dir);
  return { interfaces, aliases };
}

// The interface a field's type text names (directly or as Array<...>), or null (scalars, maps).
function referencedInterface(typeText) {
  const m = typeText.match(/^(?:Array<)?(\w+)>?$/);
  return m ? typeIndex.aliases.get(m[1]) ?? null : null;
}

function unknownFields(value, ifaceKey, path, out) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => unknownFields(v, ifaceKey, `${path}/${i}`, out));
    return;
  }
  if (value === null || typeof value !== "object") return;
  const fields = typeIndex.interfaces.get(ifaceKey);
  if (!fields) return;
  for (const [key, child] of Object.entries(value)) {
    if (!fields.has(key)) {
      out.push(`fields: ${path}/${key} is not a field of ${ifaceKey.split("#")[1].slice(1)}`);
      continue;
    }
    const ref = referencedInterface(fields.get(key));
    if (ref) unknownFields(child, ref, `${path}/${key}`, out);
  }
}

// ---------------------------------------------------------------------------------------------

async function validateStream(text, label, knownMetrics, alertsDoc) {
  const results = []; // { name, errors }
  const parsed = YAML.parseAllDocuments(text, { version: "1.1" });
  const docs = [];
  parsed.forEach((d, i) => {
    if (d.errors.length) {
      results.push({ name: `document ${i + 1}`, errors: d.errors.map((e) => `yaml: ${e.message.split("\n")[0]}`) });
      return;
    }
    const value = d.toJS();
    if (value !== null && value !== undefined) docs.push(value);
  });
  for (const doc of docs) {
    const name = `${doc.kind ?? "?"}/${doc.metadata?.name ?? "?"}`;
    const errors = [];
    if (typeof doc.apiVersion !== "string" || typeof doc.kind !== "string") {
      results.push({ name, errors: ["apiVersion and kind are required"] });
      continue;
    }
    const group = doc.apiVersion.includes("/") ? doc.apiVersion.split("/")[0] : "";
    const optional = MODEL_PACKAGES.find((p) => p.groups?.includes(group));
    if (optional && !existsSync(optional.dir)) {
      results.push({ name, errors: [], skipped: `${optional.dir} is not installed` });
      continue;
    }
    const found = await modelModule(doc.apiVersion);
    const Model = found?.module[doc.kind];
    if (!Model) {
      errors.push(`schema: no model for ${doc.apiVersion} ${doc.kind} (is its model package installed?)`);
    } else {
      errors.push(...schemaErrors(Model, doc));
      unknownFields(doc, typeIndex.aliases.get(`I${Model.name}`) ?? `${join(found.dir, doc.kind)}.d.ts#I${doc.kind}`, "", errors);
    }
    if (isWorkload(doc)) errors.push(...workloadPolicy(doc, docs, emittedArgs));
    else errors.push(...otherPolicy(doc, docs));
    if (doc.kind === "PrometheusRule") errors.push(...ruleErrors(doc, knownMetrics));
    if (doc.kind === "PrometheusRule" && alertsDoc) errors.push(...alertsDocErrors(doc, alertsDoc));
    results.push({ name, errors });
  }
  if (!docs.length) results.push({ name: label, errors: ["no Kubernetes object in the input"] });
  return results;
}

async function main(argv) {
  const files = [];
  let metricsFile = null;
  let markdown = null;
  let expectErrors = false;
  let argsFile = null;
  let alertsDoc = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--alerts-doc") alertsDoc = argv[++i];
    else if (argv[i] === "--metrics") metricsFile = argv[++i];
    else if (argv[i] === "--emit-args") argsFile = argv[++i];
    else if (argv[i] === "--promql-md") markdown = argv[++i];
    else if (argv[i] === "--expect-errors") expectErrors = true;
    else files.push(argv[i]);
  }
  if (!files.length && !markdown) {
    console.error("usage: validate_manifests.mjs [--metrics FILE] [--promql-md FILE] [--expect-errors] FILE...");
    return 2;
  }
  typeIndex = buildTypeIndex();
  if (!(await initPromql(nodeModules))) console.log("skip: PromQL checks (@prometheus-io/lezer-promql is not installed)");
  const knownMetrics = metricsFile
    ? new Set(readFileSync(metricsFile, "utf8").split("\n").map((s) => s.trim()).filter(Boolean))
    : null;

  let documents = 0;
  let errorCount = 0;
  let unmet = 0;
  const report = (label, r) => {
    if (r.skipped) {
      console.log(`skip ${label}: ${r.name} (${r.skipped})`);
      return;
    }
    documents++;
    errorCount += r.errors.length;
    console.log(`${r.errors.length ? "FAIL" : "ok  "} ${label}: ${r.name}`);
    for (const e of r.errors) console.log(`       ${e}`);
  };
  for (const file of files) {
    const text = readFileSync(file === "-" ? 0 : file, "utf8");
    const results = await validateStream(text, file, knownMetrics, alertsDoc);
    if (!expectErrors) {
      for (const r of results) report(file, r);
      continue;
    }
    // Negative fixture: it must fail, and with each expected message.
    if (results.every((r) => r.skipped)) {
      console.log(`skip ${file}: ${results[0].skipped}`);
      continue;
    }
    const all = results.flatMap((r) => r.errors);
    const expected = [...text.matchAll(/^# expect: (.+)$/gm)].map((m) => m[1].trim());
    const missing = expected.filter((e) => !all.some((msg) => msg.includes(e)));
    if (!all.length || !expected.length || missing.length) {
      unmet++;
      console.log(`FAIL ${file}: expected errors ${JSON.stringify(missing.length ? missing : expected)}; got:`);
      for (const e of all) console.log(`       ${e}`);
    } else {
      console.log(`ok   ${file}: rejected as expected (${expected.length} expected errors among ${all.length})`);
    }
  }
  if (markdown) report(markdown, markdownPromql(markdown, knownMetrics));
  if (argsFile) writeFileSync(argsFile, emittedArgs.map((a) => JSON.stringify(a)).join("\n") + "\n");
  if (expectErrors) {
    console.log(`${files.length} negative fixtures, ${unmet} not rejected as expected`);
    return unmet ? 1 : 0;
  }
  console.log(`${documents} documents, ${errorCount} errors`);
  return errorCount ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
