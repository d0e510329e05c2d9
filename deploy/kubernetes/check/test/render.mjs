// Renders every overlay the way an operator does: credentials from generate-secrets.sh, then
// `kubectl kustomize`. It works on a copy of deploy/kubernetes, so no credentials are ever written
// into the working tree.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseAllDocuments } from "yaml";

export const KUBERNETES = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "../..");
export const REPOSITORY = resolve(KUBERNETES, "../..");

export const OVERLAYS = readdirSync(join(KUBERNETES, "overlays")).sort();

let rendered;

/** Every overlay's objects: Map of overlay name to array of objects. */
export function renderAll() {
  if (rendered) return rendered;
  const copy = mkdtempSync(join(tmpdir(), "coderoom-kubernetes-"));
  try {
    for (const part of readdirSync(KUBERNETES).filter((name) => name !== "check")) {
      cpSync(join(KUBERNETES, part), join(copy, part), {
        recursive: true,
        filter: (path) => !path.split("/").includes("secrets"),
      });
    }
    rendered = new Map();
    for (const overlay of OVERLAYS) {
      const dir = join(copy, "overlays", overlay);
      execFileSync("bash", [join(copy, "generate-secrets.sh"), dir], { stdio: "pipe" });
      const yaml = kustomize(dir);
      const objects = parseAllDocuments(yaml).map((doc) => {
        if (doc.errors.length) throw new Error(`${overlay}: ${doc.errors[0].message}`);
        return doc.toJS();
      });
      rendered.set(overlay, objects.filter(Boolean));
    }
    return rendered;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

export function kustomize(dir) {
  try {
    return execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    if (e.code === "ENOENT") {
      throw new Error("kubectl is missing: ./coderoom test installs it (deploy/dev/packages.sh, ensure_kubectl)");
    }
    throw new Error(`kubectl kustomize ${dir} failed: ${e.stderr || e.message}`);
  }
}

export const named = (objects, kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);

export const ofKind = (objects, kind) => objects.filter((o) => o.kind === kind);

/** The workloads' pod templates, each with what owns it. */
export function podTemplates(objects) {
  return objects
    .filter((o) => ["Deployment", "StatefulSet", "DaemonSet", "Job"].includes(o.kind))
    .map((o) => ({ owner: `${o.kind}/${o.metadata.name}`, namespace: o.metadata.namespace, template: o.spec.template }));
}

export const containersOf = (pod) => [...(pod.initContainers ?? []), ...(pod.containers ?? [])];

export const byComponent = (objects, kind, component) =>
  objects.find((o) => o.kind === kind && o.metadata.labels?.["app.kubernetes.io/component"] === component);

/** The value of a constant in the runner protocol's RedisKeys (the names servers and agents use). */
export function redisKey(constant) {
  const source = readFileSync(
    join(REPOSITORY, "runner-agent/protocol/src/main/java/io/coderoom/runner/protocol/RedisKeys.java"),
    "utf8",
  );
  const match = source.match(new RegExp(`static final String ${constant} = "([^"]+)";`));
  if (!match) throw new Error(`RedisKeys has no ${constant}`);
  return match[1];
}

/** The settings the server and the agents read, as coderoom.env.example lists them. */
export function knownSettings() {
  const example = readFileSync(join(REPOSITORY, "coderoom.env.example"), "utf8");
  return new Set([...example.matchAll(/^#?\s*(CODEROOM_[A-Z0-9_]+)=/gm)].map((m) => m[1]));
}

/** The environment a container gets from its ConfigMaps and literal values (not Secrets). */
export function plainEnvironment(objects, container) {
  const env = {};
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef) Object.assign(env, named(objects, "ConfigMap", from.configMapRef.name)?.data);
  }
  for (const e of container.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  return env;
}
