// PromQL checks for tests/deploy/validate_manifests.mjs: syntax with Prometheus' own Lezer
// grammar (npm @prometheus-io/lezer-promql), metric names against those the gateway exports, and
// the alert rules kept in step with docs/operations.md.
//
//   if (await initPromql(nodeModules)) errors = promqlErrors("rate(x[5m])", knownMetrics);

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

let promqlParser = null;

// Loads the grammar; false when the package is not installed (the checks then pass vacuously).
export async function initPromql(nodeModules) {
  const file = join(nodeModules, "@prometheus-io/lezer-promql/dist/index.es.js");
  if (!existsSync(file)) return false;
  promqlParser = (await import(pathToFileURL(file).href)).parser;
  return true;
}

// Syntax errors, and names of gateway-looking metrics (grpc_server_*, pulumi_*) not in
// knownMetrics (a Set, or null to skip that part).
export function promqlErrors(expr, knownMetrics) {
  const errors = [];
  if (!promqlParser) return errors;
  const tree = promqlParser.parse(expr);
  const names = [];
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(`promql: syntax error at offset ${node.from} in: ${expr.trim()}`);
      if (node.name === "Identifier" && node.node.parent?.name === "VectorSelector") {
        names.push(expr.slice(node.from, node.to));
      }
    },
  });
  if (knownMetrics) {
    for (const name of names) {
      const base = name.replace(/_(bucket|sum|count)$/, "");
      if (/^(grpc_server|pulumi)_/.test(name) && !knownMetrics.has(name) && !knownMetrics.has(base)) {
        errors.push(`promql: the gateway exports no metric ${name}`);
      }
    }
  }
  return errors;
}

// promqlErrors of every rule of a PrometheusRule, prefixed with the rule's name.
export function ruleErrors(doc, knownMetrics) {
  const errors = [];
  for (const group of doc.spec?.groups ?? []) {
    for (const rule of group.rules ?? []) {
      for (const e of promqlErrors(String(rule.expr), knownMetrics)) errors.push(`${rule.alert ?? rule.record}: ${e}`);
    }
  }
  return errors;
}


const promqlBlocks = (text) => [...text.matchAll(/^```promql\n([\s\S]*?)^```/gm)].map((m) => m[1]);
const squash = (s) => String(s).replace(/\s+/g, "");
// GitHub's heading anchors: lower case, punctuation other than "-" and "_" dropped, spaces to "-".
const slug = (heading) => heading.trim().toLowerCase().replace(/[^a-z0-9 _-]/g, "").replace(/ /g, "-");

export function alertsDocErrors(doc, path) {
  const text = readFileSync(path, "utf8");
  const blocks = new Set(promqlBlocks(text).map(squash));
  const anchors = new Set([...text.matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1])));
  const errors = [];
  for (const group of doc.spec?.groups ?? []) {
    for (const rule of (group.rules ?? []).filter((r) => r.alert)) {
      if (!text.includes(`**${rule.alert}**`)) errors.push(`docs: ${path} does not describe ${rule.alert}`);
      if (!blocks.has(squash(rule.expr))) errors.push(`docs: ${path} has no promql block equal to ${rule.alert}'s expr`);
      const anchor = String(rule.annotations?.runbook ?? "").split("#")[1];
      if (!anchor) errors.push(`docs: ${rule.alert} has no runbook annotation`);
      else if (!anchors.has(anchor)) errors.push(`docs: ${rule.alert}'s runbook #${anchor} is no heading of ${path}`);
    }
  }
  return errors;
}

// Every ```promql block of a Markdown file, checked; at least one must exist.
export function markdownPromql(path, knownMetrics) {
  const text = readFileSync(path, "utf8");
  const blocks = promqlBlocks(text);
  const errors = [];
  for (const block of blocks) errors.push(...promqlErrors(block, knownMetrics));
  if (!blocks.length) errors.push("no ```promql block found");
  return { name: `${blocks.length} PromQL blocks`, errors };
}

