// What connects the objects: every Secret and ConfigMap a pod or KEDA reads exists with the key,
// every NetworkPolicy selects real pods and lets exactly the intended traffic through, and the
// agents' scaler reads the job stream the servers write.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { OVERLAYS, byComponent, containersOf, named, ofKind, plainEnvironment, podTemplates, redisKey, renderAll } from "./render.mjs";

const componentOf = (labels) => labels?.["app.kubernetes.io/component"];

const matches = (selector, labels) =>
  Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v) &&
  (selector.matchExpressions ?? []).length === 0;

/** Components of the namespace's pods a selector picks. */
const picked = (objects, selector) =>
  podTemplates(objects)
    .filter(({ template }) => matches(selector, template.metadata.labels))
    .map(({ template }) => componentOf(template.metadata.labels));

/** Where a component may connect: same-namespace components and ports, by the policies selecting it. */
function egressOf(objects, component) {
  const labels = podTemplates(objects).find(({ template }) => componentOf(template.metadata.labels) === component)
    .template.metadata.labels;
  const allowed = [];
  for (const policy of ofKind(objects, "NetworkPolicy")) {
    if (!matches(policy.spec.podSelector, labels)) continue;
    for (const rule of policy.spec.egress ?? []) {
      for (const peer of rule.to ?? [{}]) {
        const where = peer.ipBlock
          ? peer.ipBlock.cidr
          : peer.namespaceSelector
          ? `${peer.namespaceSelector.matchLabels["kubernetes.io/metadata.name"]}/${peer.podSelector?.matchLabels?.["k8s-app"]}`
          : peer.podSelector
            ? picked(objects, peer.podSelector).join(",")
            : "anywhere";
        for (const port of rule.ports ?? [{ port: "any" }]) allowed.push(`${where}:${port.port}`);
      }
    }
  }
  return [...new Set(allowed)].sort();
}

/** Same-namespace components allowed in to a component's pods. */
function ingressOf(objects, component) {
  const policy = ofKind(objects, "NetworkPolicy").find((p) => componentOf(p.spec.podSelector.matchLabels) === component);
  return policy.spec.ingress
    .flatMap((rule) => rule.from)
    .filter((peer) => !peer.namespaceSelector)
    .flatMap((peer) => picked(objects, peer.podSelector))
    .sort();
}

/** Whether a CIDR lies within 10/8, 172.16/12, 192.168/16 or the IPv6 unique local fc00::/7. */
function isPrivate(cidr) {
  const [address, length] = cidr.split("/");
  const bits = Number(length);
  if (address.includes(":")) return /^f[cd][0-9a-f]{0,2}:/i.test(address) && bits >= 7;
  const [a, b] = address.split(".").map(Number);
  return (a === 10 && bits >= 8) || (a === 172 && b >= 16 && b <= 31 && bits >= 12) || (a === 192 && b === 168 && bits >= 16);
}

for (const overlay of OVERLAYS) {
  describe(`overlays/${overlay}: wiring`, () => {
    const objects = () => renderAll().get(overlay);

    it("resolves every Secret reference to a key of a generated Secret", () => {
      const keysOf = (name) => {
        const secret = named(objects(), "Secret", name);
        assert.ok(secret, `no Secret ${name}`);
        assert.match(name, /-[a-z0-9]{10}$/, `${name} is generated (a content hash in its name)`);
        return Object.keys(secret.data ?? {});
      };
      let references = 0;
      for (const { owner, template } of podTemplates(objects())) {
        for (const c of containersOf(template.spec)) {
          for (const e of c.env ?? []) {
            const ref = e.valueFrom?.secretKeyRef;
            if (!ref) continue;
            assert.ok(keysOf(ref.name).includes(ref.key), `${owner} ${c.name}: ${ref.name} has no ${ref.key}`);
            references++;
          }
          for (const f of c.envFrom ?? []) if (f.secretRef) keysOf(f.secretRef.name);
        }
        for (const v of template.spec.volumes ?? []) if (v.secret) keysOf(v.secret.secretName);
      }
      for (const auth of ofKind(objects(), "TriggerAuthentication")) {
        for (const ref of auth.spec.secretTargetRef) {
          assert.ok(keysOf(ref.name).includes(ref.key), `${auth.metadata.name}: ${ref.name} has no ${ref.key}`);
          references++;
        }
      }
      assert.ok(references >= 8, `${references} references checked`);
      const generated = ofKind(objects(), "Secret").flatMap((s) => Object.keys(s.data));
      for (const key of ["CODEROOM_API_KEY", "CODEROOM_TOKEN_KEYS", "CODEROOM_DB_PASSWORD", "CODEROOM_REDIS_PASSWORD", "CODEROOM_METRICS_TOKEN"]) {
        assert.ok(generated.includes(key), `no Secret holds ${key}`);
      }
    });

    it("resolves every ConfigMap a pod reads", () => {
      for (const { owner, template } of podTemplates(objects())) {
        for (const c of containersOf(template.spec)) {
          for (const f of c.envFrom ?? []) {
            if (f.configMapRef) assert.ok(named(objects(), "ConfigMap", f.configMapRef.name), `${owner}: ${f.configMapRef.name}`);
          }
        }
        for (const v of template.spec.volumes ?? []) {
          if (v.configMap) assert.ok(named(objects(), "ConfigMap", v.configMap.name), `${owner}: ${v.configMap.name}`);
        }
      }
    });

    it("points servers and agents at the Services of PostgreSQL and Redis", () => {
      const service = (component) => byComponent(objects(), "Service", component);
      const server = plainEnvironment(objects(), byComponent(objects(), "Deployment", "server").spec.template.spec.containers[0]);
      const agent = plainEnvironment(objects(), byComponent(objects(), "Deployment", "runner-agent").spec.template.spec.containers[0]);
      const postgres = new URL(server.CODEROOM_DB_URL.replace(/^jdbc:/, ""));
      assert.equal(postgres.hostname, service("postgres").metadata.name);
      assert.equal(Number(postgres.port), service("postgres").spec.ports?.[0].port ?? 5432);
      // In the cluster the Services select the StatefulSets' pods; managed, they name the endpoints.
      for (const component of ["postgres", "redis"]) {
        const pods = byComponent(objects(), "StatefulSet", component);
        if (pods) assert.deepEqual(service(component).spec.selector, pods.spec.selector.matchLabels);
        else assert.equal(service(component).spec.type, "ExternalName");
      }
      for (const env of [server, agent]) {
        const redis = new URL(env.CODEROOM_REDIS_URL);
        assert.equal(redis.hostname, service("redis").metadata.name);
        assert.equal(Number(redis.port), service("redis").spec.ports?.[0].port ?? 6379);
        assert.equal(redis.password, "$(CODEROOM_REDIS_PASSWORD)", "the password comes from the Secret");
      }
      assert.ok(!("CODEROOM_DB_URL" in agent), "agents have no database");
    });

    it("trusts X-Forwarded-For only from private ranges, and only the controller, Prometheus and servers reach a server", () => {
      const server = plainEnvironment(objects(), byComponent(objects(), "Deployment", "server").spec.template.spec.containers[0]);
      const trusted = server.CODEROOM_TRUSTED_PROXIES.split(",");
      assert.ok(trusted.length > 0);
      for (const range of trusted) assert.ok(isPrivate(range), `${range} is not a private range`);
      const policy = ofKind(objects(), "NetworkPolicy").find((p) => componentOf(p.spec.podSelector.matchLabels) === "server");
      const namespaces = policy.spec.ingress
        .flatMap((rule) => rule.from)
        .filter((peer) => peer.namespaceSelector)
        .map((peer) => peer.namespaceSelector.matchLabels["kubernetes.io/metadata.name"])
        .sort();
      assert.deepEqual(namespaces, ["ingress-nginx", "monitoring"]);
      assert.deepEqual(ingressOf(objects(), "server"), ["server"]);
    });

    it("selects real pods in every NetworkPolicy, and names the namespace of every other peer", () => {
      for (const policy of ofKind(objects(), "NetworkPolicy")) {
        const selector = policy.spec.podSelector;
        if (Object.keys(selector).length) assert.ok(picked(objects(), selector).length, `${policy.metadata.name} selects no pod`);
        for (const rule of [...(policy.spec.ingress ?? []), ...(policy.spec.egress ?? [])]) {
          for (const peer of [...(rule.from ?? []), ...(rule.to ?? [])]) {
            if (peer.ipBlock) {
              assert.notEqual(peer.ipBlock.cidr, "0.0.0.0/0", `${policy.metadata.name}: a range, not everywhere`);
            } else if (peer.namespaceSelector) {
              assert.ok(peer.namespaceSelector.matchLabels["kubernetes.io/metadata.name"], policy.metadata.name);
            } else {
              assert.ok(peer.podSelector, `${policy.metadata.name}: a peer without a selector`);
              assert.ok(picked(objects(), peer.podSelector).length, `${policy.metadata.name}: a peer selects no pod`);
            }
          }
        }
      }
    });

    it("denies all traffic that no policy allows", () => {
      const deny = named(objects(), "NetworkPolicy", "default-deny");
      assert.deepEqual(deny.spec.podSelector, {});
      assert.deepEqual([...deny.spec.policyTypes].sort(), ["Egress", "Ingress"]);
      assert.ok(!deny.spec.ingress && !deny.spec.egress);
    });

    // PostgreSQL and Redis are the StatefulSets' pods, or managed services outside the cluster.
    const managed = () => !byComponent(objects(), "StatefulSet", "postgres");

    it("lets only servers and agents reach Redis, and only servers reach PostgreSQL", () => {
      if (managed()) {
        // Outside the cluster: what reaches them is what may leave for their range (next test).
        assert.ok(!byComponent(objects(), "StatefulSet", "redis"));
        return;
      }
      assert.deepEqual(ingressOf(objects(), "redis"), ["runner-agent", "server"]);
      assert.deepEqual(ingressOf(objects(), "postgres"), ["server"]);
    });

    it("limits the agents' egress to Redis and DNS, and the servers' to PostgreSQL, Redis, DNS and one another", () => {
      const dns = "kube-system/kube-dns:53";
      if (managed()) {
        const [range] = egressOf(objects(), "runner-agent").filter((to) => to.endsWith(":6379"));
        const cidr = range.replace(/:6379$/, "");
        assert.match(cidr, /^\d+\.\d+\.\d+\.\d+\/\d+$/);
        assert.ok(Number(cidr.split("/")[1]) >= 8, `${cidr} is the managed services' range, not the Internet`);
        assert.deepEqual(egressOf(objects(), "runner-agent"), [`${cidr}:6379`, dns]);
        assert.deepEqual(egressOf(objects(), "server"), [`${cidr}:5432`, `${cidr}:6379`, dns, "server:8080"]);
        return;
      }
      assert.deepEqual(egressOf(objects(), "runner-agent"), [dns, "redis:6379"]);
      assert.deepEqual(egressOf(objects(), "server"), [dns, "postgres:5432", "redis:6379", "server:8080"]);
      assert.deepEqual(egressOf(objects(), "redis"), [dns]);
      assert.deepEqual(egressOf(objects(), "postgres"), [dns]);
    });

    it("scales agents on the length of the job stream the servers write, one agent per slots' worth", () => {
      const scaled = named(objects(), "ScaledObject", "runner-agent");
      if (!scaled) {
        assert.ok(byComponent(objects(), "Deployment", "runner-agent").spec.replicas >= 1, "a fixed count instead");
        assert.ok(!ofKind(objects(), "TriggerAuthentication").length);
        return;
      }
      const agent = byComponent(objects(), "Deployment", "runner-agent");
      assert.equal(scaled.spec.scaleTargetRef.name, agent.metadata.name);
      assert.equal(agent.spec.replicas, undefined, "KEDA owns the count");
      const [trigger] = scaled.spec.triggers;
      assert.equal(trigger.type, "redis-streams");
      assert.equal(trigger.metadata.stream, redisKey("JOBS_STREAM"));
      // With a consumerGroup KEDA reads XPENDING (or the lag) instead of the length.
      assert.equal(trigger.metadata.consumerGroup, undefined);
      const slots = plainEnvironment(objects(), agent.spec.template.spec.containers[0]).CODEROOM_RUNNER_SLOTS;
      assert.equal(trigger.metadata.streamLength, slots);
      const redis = byComponent(objects(), "Service", "redis");
      const port = redis.spec.ports?.[0].port ?? 6379; // an ExternalName Service has none
      assert.equal(trigger.metadata.address, `${redis.metadata.name}.${redis.metadata.namespace}.svc.cluster.local:${port}`);
      const auth = named(objects(), "TriggerAuthentication", trigger.authenticationRef.name);
      assert.deepEqual(auth.spec.secretTargetRef.map((r) => [r.parameter, r.key]), [["password", "CODEROOM_REDIS_PASSWORD"]]);
      // KEDA's operator reaches Redis from its namespace (a managed Redis is outside these policies).
      if (managed()) return;
      const redisPolicy = ofKind(objects(), "NetworkPolicy").find((p) => componentOf(p.spec.podSelector.matchLabels) === "redis");
      assert.ok(
        redisPolicy.spec.ingress[0].from.some((peer) => peer.namespaceSelector?.matchLabels["kubernetes.io/metadata.name"] === "keda"),
      );
    });
  });
}
