// What the pods must be for Coderoom to run, drain and stay contained, in every overlay.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  OVERLAYS,
  byComponent,
  containersOf,
  knownSettings,
  named,
  plainEnvironment,
  podTemplates,
  renderAll,
} from "./render.mjs";

const RUNNER_TAINT = { key: "coderoom.io/runner", operator: "Equal", value: "true", effect: "NoSchedule" };

for (const overlay of OVERLAYS) {
  describe(`overlays/${overlay}: workloads`, () => {
    const objects = () => renderAll().get(overlay);
    const server = () => byComponent(objects(), "Deployment", "server");
    const agent = () => byComponent(objects(), "Deployment", "runner-agent");

    it("gives every container CPU and memory requests and limits", () => {
      for (const { owner, template } of podTemplates(objects())) {
        for (const c of containersOf(template.spec)) {
          for (const kind of ["requests", "limits"]) {
            for (const resource of ["cpu", "memory"]) {
              assert.ok(c.resources?.[kind]?.[resource], `${owner} ${c.name} has no ${kind}.${resource}`);
            }
          }
        }
      }
    });

    it("mounts no service-account token into any pod, and drops every capability", () => {
      for (const { owner, template } of podTemplates(objects())) {
        assert.equal(template.spec.automountServiceAccountToken, false, owner);
        for (const c of containersOf(template.spec)) {
          assert.deepEqual(c.securityContext?.capabilities?.drop, ["ALL"], `${owner} ${c.name}`);
          assert.equal(c.securityContext?.allowPrivilegeEscalation, false, `${owner} ${c.name}`);
          assert.equal(c.securityContext?.readOnlyRootFilesystem, true, `${owner} ${c.name}`);
        }
      }
    });

    it("runs the Coderoom images", () => {
      assert.equal(server().spec.template.spec.containers[0].image, "coderoom/server:0.1.0");
      for (const c of containersOf(agent().spec.template.spec)) assert.equal(c.image, "coderoom/runner-agent:0.1.0");
    });

    it("sets only settings the server and the agent declare (coderoom.env.example)", () => {
      const known = knownSettings();
      for (const deployment of [server(), agent()]) {
        for (const c of deployment.spec.template.spec.containers) {
          const names = [
            ...Object.keys(plainEnvironment(objects(), c)),
            ...(c.env ?? []).map((e) => e.name),
          ].filter((name) => name.startsWith("CODEROOM_"));
          for (const name of names) assert.ok(known.has(name), `${deployment.metadata.name} sets ${name}, which nothing reads`);
        }
      }
    });

    it("probes the server: /healthz for liveness and start-up, /readyz with the metrics token", () => {
      const c = server().spec.template.spec.containers[0];
      assert.equal(c.livenessProbe.httpGet.path, "/healthz");
      assert.equal(c.startupProbe.httpGet.path, "/healthz");
      const [shell, path] = c.readinessProbe.exec.command;
      assert.equal(shell, "bash");
      const script = named(objects(), "ConfigMap", server().spec.template.spec.volumes.find((v) => v.name === "probes").configMap.name)
        .data[path.split("/").pop()];
      assert.match(script, /GET \/readyz /);
      assert.match(script, /Authorization: Bearer %s/);
      assert.match(script, /\$\{CODEROOM_METRICS_TOKEN/);
      assert.ok(c.env.some((e) => e.name === "CODEROOM_METRICS_TOKEN" && e.valueFrom?.secretKeyRef));
    });

    it("drains a server after the load balancer dropped it, within the grace period", () => {
      const pod = server().spec.template.spec;
      const c = pod.containers[0];
      const [command, seconds] = c.lifecycle.preStop.exec.command;
      assert.equal(command, "sleep");
      const drain = Number(plainEnvironment(objects(), c).CODEROOM_SHUTDOWN_GRACE_SECONDS);
      assert.ok(Number(seconds) >= 5, "preStop waits for the endpoints to be removed");
      assert.ok(
        pod.terminationGracePeriodSeconds >= Number(seconds) + drain + 10,
        `${pod.terminationGracePeriodSeconds} s hold preStop ${seconds} s + drain ${drain} s + closing`,
      );
    });

    it("lets an agent finish its runs before it is killed", () => {
      const pod = agent().spec.template.spec;
      const drain = Number(plainEnvironment(objects(), pod.containers[0]).CODEROOM_RUNNER_DRAIN_SECONDS);
      assert.ok(drain >= 60, "the longest test job (60 s) fits in the drain");
      assert.ok(pod.terminationGracePeriodSeconds > drain, "the drain fits in the grace period");
    });

    it("keeps agents on the tainted runner nodes, with the node's Docker socket and nothing else", () => {
      const pod = agent().spec.template.spec;
      assert.equal(pod.automountServiceAccountToken, false);
      assert.ok(pod.tolerations.some((t) => Object.entries(RUNNER_TAINT).every(([k, v]) => t[k] === v)));
      assert.equal(pod.nodeSelector["coderoom.io/runner"], "true");
      const hostPaths = pod.volumes.filter((v) => v.hostPath);
      const env = plainEnvironment(objects(), pod.containers[0]);
      assert.deepEqual(
        hostPaths.map((v) => [v.hostPath.path, v.hostPath.type]).sort(),
        [
          [env.CODEROOM_RUNNER_WORK_DIR, "DirectoryOrCreate"],
          ["/var/run/docker.sock", "Socket"],
        ],
      );
      assert.equal(env.CODEROOM_DOCKER_HOST, "unix:///var/run/docker.sock");
      const mounts = Object.fromEntries(pod.containers[0].volumeMounts.map((m) => [m.name, m.mountPath]));
      for (const v of hostPaths) assert.equal(mounts[v.name], v.hostPath.path, "same path in the pod as on the node");
      assert.ok(!pod.hostNetwork && !pod.hostPID && !pod.hostIPC);
    });

    it("runs the agent as a non-root user in the docker group, only its init container as root", () => {
      const pod = agent().spec.template.spec;
      assert.equal(pod.securityContext.runAsNonRoot, true);
      assert.ok(pod.securityContext.runAsUser > 0);
      assert.ok(pod.securityContext.supplementalGroups.length === 1, "the docker socket's group");
      for (const c of pod.containers) {
        assert.notEqual(c.securityContext?.runAsUser, 0, c.name);
        assert.ok(!c.securityContext?.capabilities?.add, `${c.name} adds no capability`);
      }
      const [init] = pod.initContainers;
      assert.deepEqual(init.securityContext.capabilities.add.sort(), ["CHOWN", "FOWNER"]);
      assert.match(init.command.join(" "), new RegExp(`chown ${pod.securityContext.runAsUser}:`));
    });

    it("gives agents no credential but the Redis password and the metrics token", () => {
      const pod = agent().spec.template.spec;
      const secrets = new Set();
      for (const c of containersOf(pod)) {
        for (const e of c.env ?? []) if (e.valueFrom?.secretKeyRef) secrets.add(e.valueFrom.secretKeyRef.key);
        assert.ok(!(c.envFrom ?? []).some((f) => f.secretRef), "no whole Secret in the environment");
      }
      assert.deepEqual([...secrets].sort(), ["CODEROOM_METRICS_TOKEN", "CODEROOM_REDIS_PASSWORD"]);
      assert.ok(!pod.volumes.some((v) => v.secret || v.projected));
    });

    it("serves every /metrics to Prometheus by annotation", () => {
      for (const [deployment, port] of [
        [server(), "8080"],
        [agent(), plainEnvironment(objects(), agent().spec.template.spec.containers[0]).CODEROOM_AGENT_METRICS_PORT],
      ]) {
        const annotations = deployment.spec.template.metadata.annotations;
        assert.equal(annotations["prometheus.io/scrape"], "true");
        assert.equal(annotations["prometheus.io/port"], port);
        assert.equal(annotations["prometheus.io/path"], "/metrics");
      }
      assert.equal(
        plainEnvironment(objects(), agent().spec.template.spec.containers[0]).CODEROOM_AGENT_METRICS_HOST,
        "0.0.0.0",
        "the agent's /metrics answers beyond its loopback",
      );
    });

    it("keeps servers available: a disruption budget, and an autoscaler or a fixed count of 2 or more", () => {
      const budget = ofKindNamed(objects(), "PodDisruptionBudget", "server");
      assert.deepEqual(budget.spec.selector.matchLabels, server().spec.selector.matchLabels);
      const autoscaler = named(objects(), "HorizontalPodAutoscaler", "server");
      if (autoscaler) {
        assert.equal(autoscaler.spec.scaleTargetRef.name, server().metadata.name);
        assert.ok(autoscaler.spec.minReplicas >= 2);
        assert.equal(server().spec.replicas, undefined, "the autoscaler owns the count");
      } else {
        assert.ok(server().spec.replicas >= 2);
      }
    });

    it("routes the public address to the servers with WebSocket-long timeouts", () => {
      const ingress = named(objects(), "Ingress", "server");
      const backend = ingress.spec.rules[0].http.paths[0].backend.service;
      assert.equal(backend.name, named(objects(), "Service", "server").metadata.name);
      assert.ok(Number(ingress.metadata.annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600);
      const env = plainEnvironment(objects(), server().spec.template.spec.containers[0]);
      assert.equal(new URL(env.CODEROOM_PUBLIC_URL).host, ingress.spec.rules[0].host);
      assert.equal(env.CODEROOM_PUBLIC_URL.startsWith("https:"), Boolean(ingress.spec.tls));
    });
  });
}

function ofKindNamed(objects, kind, name) {
  const found = named(objects, kind, name);
  assert.ok(found, `no ${kind} ${name}`);
  return found;
}
