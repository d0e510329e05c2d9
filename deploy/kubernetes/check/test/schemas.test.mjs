// Every rendered object against its API schema, offline: the Kubernetes OpenAPI schemas as the
// kubernetes-models package compiles them, and KEDA's CRDs as @kubernetes-models/keda does.
// Those schemas check types, formats and required fields but, like the API's own, allow any
// other field; the API server rejects unknown fields (strict field validation), so do we: every
// field the schema validator never looked at is one the schema does not declare.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as core from "kubernetes-models";
import * as keda from "@kubernetes-models/keda";
import { OVERLAYS, renderAll } from "./render.mjs";

/** The model of an apiVersion and kind: "networking.k8s.io/v1" is networkingK8sIo.v1, "v1" is v1. */
function modelOf({ apiVersion, kind }) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const key = group?.split(".").map((part, i) => (i ? part[0].toUpperCase() + part.slice(1) : part)).join("");
  const root = !group ? core : group === "keda.sh" ? keda[key] : core[key];
  return root?.[version]?.[kind];
}

/** A view of the object that records the path of every property the validator reads. */
function tracked(value, path, seen) {
  if (value === null || typeof value !== "object") return value;
  return new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key === "string" && Object.hasOwn(target, key)) {
        seen.add(`${path}/${key}`);
        return tracked(target[key], `${path}/${key}`, seen);
      }
      return Reflect.get(target, key, receiver);
    },
    // A map (labels, data, a scaler's metadata) is iterated: its keys are all declared.
    ownKeys(target) {
      for (const key of Reflect.ownKeys(target)) seen.add(`${path}/${String(key)}`);
      return Reflect.ownKeys(target);
    },
  });
}

function undeclared(value, path, seen, found = []) {
  if (value === null || typeof value !== "object") return found;
  for (const [key, child] of Object.entries(value)) {
    const at = `${path}/${key}`;
    if (seen.has(at)) undeclared(child, at, seen, found);
    else found.push(at);
  }
  return found;
}

/**
 * kustomize wraps a long Secret value's base64 over lines; the API server's decoder (Go's
 * encoding/base64) skips line breaks, the schema's "byte" format does not.
 */
function asSent(object) {
  if (object.kind !== "Secret" || !object.data) return object;
  const data = Object.fromEntries(Object.entries(object.data).map(([k, v]) => [k, v.replace(/[\r\n]/g, "")]));
  return { ...object, data };
}

export function validate(sent) {
  const object = asSent(sent);
  const Model = modelOf(object);
  assert.ok(Model, `${object.apiVersion} ${object.kind} has no schema here`);
  const seen = new Set();
  Model.prototype.validate.call(tracked(object, "", seen));
  return undeclared(object, "", seen);
}

describe("the schemas", () => {
  it("reject a wrong type and an unknown field (the check itself works)", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "x" },
      spec: { containers: [{ name: "x", image: "x", ports: [{ containerPort: "80" }] }] },
    };
    assert.throws(() => validate(pod), /containerPort must be integer/);
    pod.spec.containers[0].ports[0].containerPort = 80;
    pod.spec.containers[0].readinessProbe = { exec: { comand: ["true"] } };
    assert.deepEqual(validate(pod), ["/spec/containers/0/readinessProbe/exec/comand"]);
  });

  for (const overlay of OVERLAYS) {
    it(`accept every object of overlays/${overlay}, with no undeclared field`, () => {
      const objects = renderAll().get(overlay);
      assert.ok(objects.length > 10, `${overlay} rendered ${objects.length} objects`);
      for (const object of objects) {
        const name = `${object.kind}/${object.metadata?.name}`;
        let unknown;
        try {
          unknown = validate(object);
        } catch (e) {
          assert.fail(`${overlay} ${name}: ${e.message}`);
        }
        assert.deepEqual(unknown, [], `${overlay} ${name} has fields its schema does not declare`);
      }
    });
  }
});
