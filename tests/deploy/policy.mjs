// Deployment policies for tests/deploy/validate_manifests.mjs: what every gateway workload and
// the objects around it must satisfy beyond the Kubernetes schemas. Each function returns the
// problems as "policy: ..." strings; an empty list means the object passes.
//
//   import { workloadPolicy, otherPolicy, isWorkload } from "./policy.mjs";
//   const errors = isWorkload(doc) ? workloadPolicy(doc, allDocs, expandedArgs) : otherPolicy(doc, allDocs);

const MIN_GRACE_SECONDS = 25;

function quantity(q) {
  const m = String(q).match(/^([0-9.]+)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/);
  if (!m) return NaN;
  const scale = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
  return Number(m[1]) * (m[2] ? scale[m[2]] : 1);
}

function durationSeconds(d) {
  let total = 0;
  let rest = String(d);
  if (rest === "0") return 0;
  const unit = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 };
  while (rest.length) {
    const m = rest.match(/^([0-9.]+)(ms|us|ns|h|m|s)/);
    if (!m) return NaN;
    total += Number(m[1]) * unit[m[2]];
    rest = rest.slice(m[0].length);
  }
  return total;
}

const matches = (selector, labels) =>
  !!selector && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

// The container's environment as Kubernetes builds it: envFrom ConfigMaps, then env.
function containerEnv(container, docs) {
  const env = new Map();
  const missing = [];
  for (const source of container.envFrom ?? []) {
    const name = source.configMapRef?.name;
    if (!name) continue;
    const cm = docs.find((d) => d.kind === "ConfigMap" && d.metadata?.name === name);
    if (!cm) {
      if (!source.configMapRef.optional) missing.push(name);
      continue;
    }
    for (const [k, v] of Object.entries(cm.data ?? {})) env.set((source.prefix ?? "") + k, String(v));
  }
  for (const e of container.env ?? []) env.set(e.name, e.value ?? "<from valueFrom>");
  return { env, missing };
}

// The container's args with $(VAR) expanded, as the kubelet does; unresolved names reported.
function expandArgs(container, env) {
  const unresolved = new Set();
  const args = (container.args ?? []).map((a) =>
    String(a).replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, name) => {
      if (env.has(name)) return env.get(name);
      unresolved.add(name);
      return whole;
    }),
  );
  return { args, unresolved };
}

function flagValue(args, flag) {
  let value;
  for (const a of args) if (a.startsWith(`--${flag}=`)) value = a.slice(flag.length + 3);
  return value;
}

// A Deployment/StatefulSet/DaemonSet against the pod policies; each gateway container's args,
// with $(VAR)s expanded, are appended to `expandedArgs` with its memory limit in bytes
// ({args, memoryLimit}; null without one).
export function workloadPolicy(doc, docs, expandedArgs = []) {
  const errors = [];
  const spec = doc.spec ?? {};
  const pod = spec.template?.spec ?? {};
  const podLabels = spec.template?.metadata?.labels ?? {};
  const hpa = docs.find((d) => d.kind === "HorizontalPodAutoscaler" && d.spec?.scaleTargetRef?.name === doc.metadata?.name);
  if (doc.kind === "Deployment" && (spec.replicas ?? 1) < 2) errors.push("policy: replicas must be >= 2");
  if (hpa && hpa.spec.minReplicas !== undefined && hpa.spec.minReplicas < 2) {
    errors.push(`policy: HorizontalPodAutoscaler ${hpa.metadata.name} minReplicas must be >= 2`);
  }
  const grace = pod.terminationGracePeriodSeconds ?? 30;
  if (grace < MIN_GRACE_SECONDS) {
    errors.push(`policy: terminationGracePeriodSeconds ${grace} < ${MIN_GRACE_SECONDS}`);
  }
  const podSec = pod.securityContext ?? {};
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) errors.push("policy: host namespaces are not allowed");
  for (const c of pod.containers ?? []) {
    const where = `container ${c.name}`;
    const sec = c.securityContext ?? {};
    const runAsNonRoot = sec.runAsNonRoot ?? podSec.runAsNonRoot;
    const runAsUser = sec.runAsUser ?? podSec.runAsUser;
    if (runAsNonRoot !== true) errors.push(`policy: ${where}: runAsNonRoot must be true`);
    if (runAsUser === 0) errors.push(`policy: ${where}: runAsUser must not be 0`);
    if (sec.readOnlyRootFilesystem !== true) errors.push(`policy: ${where}: readOnlyRootFilesystem must be true`);
    if (sec.allowPrivilegeEscalation !== false) errors.push(`policy: ${where}: allowPrivilegeEscalation must be false`);
    if (sec.privileged) errors.push(`policy: ${where}: privileged is not allowed`);
    if (!(sec.capabilities?.drop ?? []).includes("ALL")) errors.push(`policy: ${where}: capabilities.drop must include ALL`);
    if (sec.capabilities?.add?.length) errors.push(`policy: ${where}: capabilities.add is not allowed`);
    const seccomp = (sec.seccompProfile ?? podSec.seccompProfile)?.type;
    if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") {
      errors.push(`policy: ${where}: seccompProfile must be RuntimeDefault`);
    }
    for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
      const p = c[probe];
      if (!p) {
        errors.push(`policy: ${where}: ${probe} missing`);
        continue;
      }
      const port = p.grpc?.port;
      if (p.grpc && !(c.ports ?? []).some((cp) => cp.containerPort === port)) {
        errors.push(`policy: ${where}: ${probe} gRPC port ${port} is not a container port`);
      }
    }
    for (const kind of ["requests", "limits"]) {
      for (const res of ["cpu", "memory"]) {
        if (c.resources?.[kind]?.[res] === undefined) errors.push(`policy: ${where}: resources.${kind}.${res} missing`);
      }
    }
    for (const res of ["cpu", "memory"]) {
      const req = quantity(c.resources?.requests?.[res]);
      const lim = quantity(c.resources?.limits?.[res]);
      if (req > lim) errors.push(`policy: ${where}: ${res} request exceeds its limit`);
    }
    const image = String(c.image ?? "");
    const tag = image.includes("@") ? "digest" : image.split("/").pop().split(":")[1];
    if (!tag || tag === "latest") errors.push(`policy: ${where}: image "${image}" must be pinned (a tag other than latest, or a digest)`);

    const { env, missing } = containerEnv(c, docs);
    for (const name of missing) errors.push(`policy: ${where}: envFrom ConfigMap ${name} is not in the manifests`);
    const { args, unresolved } = expandArgs(c, env);
    // Only the gateway's own containers run the gateway binary (flags_smoke.py starts it).
    if (c.name === "gateway") {
      const memoryLimit = quantity(c.resources?.limits?.memory);
      expandedArgs.push({ args, memoryLimit: Number.isFinite(memoryLimit) ? memoryLimit : null });
    }
    for (const name of unresolved) errors.push(`policy: ${where}: args reference $(${name}), which no ConfigMap key or env sets`);
    for (const key of env.keys()) {
      if (key.startsWith("GATEWAY_") && !(c.args ?? []).some((a) => String(a).includes(`$(${key})`))) {
        errors.push(`policy: ${where}: ConfigMap key ${key} is passed to no flag (add --<flag>=$(${key}) to args)`);
      }
    }
    const preStop = c.lifecycle?.preStop;
    const preStopSeconds = preStop?.sleep?.seconds ??
      (preStop?.exec?.command?.[0] === "sleep" ? Number(preStop.exec.command[1]) : 0);
    const shutdownGrace = durationSeconds(flagValue(args, "shutdown_grace") ?? "20s");
    const drainDelay = durationSeconds(flagValue(args, "drain_delay") ?? "0");
    const needed = preStopSeconds + drainDelay + shutdownGrace;
    if (Number.isFinite(needed) && grace <= needed) {
      errors.push(`policy: terminationGracePeriodSeconds ${grace} must exceed preStop ${preStopSeconds}s + ` +
        `drain_delay ${drainDelay}s + shutdown_grace ${shutdownGrace}s`);
    }
    if (flagValue(args, "auth_mode") === "service") {
      // The gateway's credential: per-tenant tokens when --tenant_tokens_dir is set, else one token.
      const tenantsDir = (flagValue(args, "tenant_tokens_dir") ?? "").replace(/\/$/, "");
      const flag = tenantsDir ? "--tenant_tokens_dir" : "--token_file";
      const path = tenantsDir || (flagValue(args, "token_file") ?? "");
      const mount = (c.volumeMounts ?? []).find((m) => {
        const at = m.mountPath.replace(/\/$/, "");
        return path === at || path.startsWith(`${at}/`);
      });
      const volume = mount && (pod.volumes ?? []).find((v) => v.name === mount.name);
      if (!path) errors.push(`policy: ${where}: --auth_mode=service needs --token_file or --tenant_tokens_dir`);
      else if (!volume?.secret) errors.push(`policy: ${where}: ${flag} ${path} is not on a Secret volume`);
      else if (volume.secret.optional) errors.push(`policy: ${where}: the ${flag} Secret volume must not be optional in service mode`);
    }
  }
  if (!docs.some((d) => d.kind === "PodDisruptionBudget" && matches(d.spec?.selector?.matchLabels, podLabels))) {
    errors.push("policy: no PodDisruptionBudget selects these pods");
  }
  return errors;
}

export const isWorkload = (doc) => ["Deployment", "StatefulSet", "DaemonSet"].includes(doc.kind);
const workloads = (docs) => docs.filter(isWorkload);

// Services, HorizontalPodAutoscalers, PodDisruptionBudgets, NetworkPolicies and ServiceMonitors
// must select or target something that exists.
export function otherPolicy(doc, docs) {
  const errors = [];
  const podLabelSets = workloads(docs).map((w) => w.spec?.template?.metadata?.labels ?? {});
  const selectsPods = (sel) => podLabelSets.some((labels) => matches(sel, labels));
  switch (doc.kind) {
    case "Service":
      if (!selectsPods(doc.spec?.selector)) errors.push("policy: the selector matches no workload's pods");
      for (const p of doc.spec?.ports ?? []) {
        if (!p.name) errors.push(`policy: port ${p.port} needs a name`);
        if (p.name === "grpc" && p.appProtocol !== "grpc") errors.push("policy: port grpc needs appProtocol: grpc");
      }
      break;
    case "HorizontalPodAutoscaler": {
      const ref = doc.spec?.scaleTargetRef ?? {};
      if (!docs.some((d) => d.kind === ref.kind && d.metadata?.name === ref.name)) {
        errors.push(`policy: scaleTargetRef ${ref.kind}/${ref.name} is not in the manifests`);
      }
      break;
    }
    case "PodDisruptionBudget":
    case "NetworkPolicy": {
      const sel = doc.kind === "PodDisruptionBudget" ? doc.spec?.selector?.matchLabels : doc.spec?.podSelector?.matchLabels;
      if (!selectsPods(sel)) errors.push("policy: the selector matches no workload's pods");
      break;
    }
    case "ServiceMonitor": {
      const services = docs.filter((d) => d.kind === "Service" && matches(doc.spec?.selector?.matchLabels, d.metadata?.labels));
      if (!services.length) errors.push("policy: the selector matches no Service");
      for (const ep of doc.spec?.endpoints ?? []) {
        if (!services.some((s) => (s.spec?.ports ?? []).some((p) => p.name === ep.port))) {
          errors.push(`policy: endpoint port ${ep.port} is no port name of the selected Services`);
        }
      }
      break;
    }
    default:
  }
  return errors;
}

