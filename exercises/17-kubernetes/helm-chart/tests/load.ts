import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import { expect } from "vitest";
import { parseAllDocuments } from "yaml";
import { render } from "../chart";
import { ChartError, type Overrides, type Release } from "../types";

export const release: Release = { name: "web", namespace: "prod" };

/** Everything switched on: Secret, ConfigMap, Service, Deployment, HPA, Ingress. */
export const everything: Overrides = {
  secrets: { DATABASE_URL: "postgres://shop:pässword@db/shop", API_KEY: "k-123" },
  ingress: { enabled: true, host: "shop.example.com", tls: { enabled: true, secretName: "shop-tls" } },
  autoscaling: { enabled: true },
};

const models = { Deployment, HorizontalPodAutoscaler, Ingress, ConfigMap, Secret, Service } as const;

// Loose views of the parsed objects: the tests read fields the models type strictly.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Obj = any;

/** render() → parsed YAML documents, each checked by the API's own schema (kubernetes-models). */
export function objects(rel: Release = release, ...overrides: Overrides[]): Obj[] {
  const text = render(rel, ...overrides);
  expect(typeof text).toBe("string");
  const docs = parseAllDocuments(text);
  return (Array.isArray(docs) ? docs : [docs]).map((doc) => {
    expect(doc.errors).toEqual([]);
    const json = doc.toJS() as Obj;
    const Model = models[json?.kind as keyof typeof models];
    expect(Model, `unexpected kind ${json?.kind}`).toBeDefined();
    expect(() => new Model(json).validate()).not.toThrow();
    return json;
  });
}

export function byKind(list: Obj[], kind: string): Obj {
  const found = list.filter((o) => o.kind === kind);
  expect(found).toHaveLength(1);
  return found[0];
}

export function container(list: Obj[]): Obj {
  const containers = byKind(list, "Deployment").spec.template.spec.containers;
  expect(containers).toHaveLength(1);
  return containers[0];
}

/** The container port a probe's or a Service's port names: by name or by number. */
export function resolvePort(c: Obj, port: string | number): number | undefined {
  const match = (c.ports ?? []).find((p: Obj) => (typeof port === "string" ? p.name === port : p.containerPort === port));
  return match?.containerPort;
}

export function chartError(run: () => unknown): ChartError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ChartError);
    return e as ChartError;
  }
  throw new Error("expected a ChartError, nothing was thrown");
}
