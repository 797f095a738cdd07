// The bodies of the Kubernetes manifest routes that are not Coffer's own
// JSON: YAML requests and answers, which are text and so only described,
// and the runtime API's `kind: List` answer, whose schema must equal the
// type the route renders (lib/services/runtime-manifest.ts).
import { z } from "zod";
import { YAML_MEDIA_TYPES } from "../../secrets/kubernetes/manifest-body";
import type { KubernetesSecret } from "../../services/runtime-manifest";
import { component, type Component, type Content } from "../operation";
import type { Agree, Same } from "../type-agreement";

export const manifestYaml = component(
  "KubernetesManifestYaml",
  z.string().meta({
    description:
      "YAML text: one or more documents separated by ---, each a Kubernetes Secret or a List of them, written as KubernetesManifest describes (kubectl create secret … -o yaml, kubectl get secret -o yaml)",
  }),
);

/** The component under every YAML media type a manifest route reads (the server tells them apart by Content-Type). */
export const asYaml = (body: Component): Content => Object.fromEntries(YAML_MEDIA_TYPES.map((type) => [type, body]));

const strings = z.record(z.string(), z.string());

const deliveredSecretObjectSchema = z.object({
  apiVersion: z.literal("v1"),
  kind: z.literal("Secret"),
  metadata: z.object({
    name: z.string().meta({ description: "the binding target, or a Kubernetes name derived from it (a comment in YAML says so)" }),
    namespace: z.string().optional().meta({ description: "the ?namespace= of the request, when given" }),
    labels: strings.optional().meta({ description: "the secret's labels that are valid Kubernetes labels" }),
    annotations: strings.meta({ description: "coffer.dev/secret, coffer.dev/version, coffer.dev/service, coffer.dev/target" }),
  }),
  type: z.string().meta({ description: "the secret's type; Opaque when the binding delivers too few keys for it" }),
  data: strings.meta({ description: "key → base64" }),
  immutable: z.literal(true).optional(),
});

export const runtimeManifestList = component(
  "RuntimeSecretsKubernetesList",
  z.object({ apiVersion: z.literal("v1"), kind: z.literal("List"), items: z.array(deliveredSecretObjectSchema) }),
);

export const runtimeManifestYaml = component(
  "RuntimeSecretsYaml",
  z.string().meta({
    description:
      "multi-document YAML (YAML 1.1 quoting, as kubectl reads it): one Secret per bound secret, each document shaped as an item of RuntimeSecretsKubernetesList, separated by ---; only a comment when nothing is bound",
  }),
);

export type Checked = Agree<[Same<z.output<typeof deliveredSecretObjectSchema>, KubernetesSecret>]>;
