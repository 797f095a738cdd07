// Actions inside a namespace: secrets and services.
import { denied, entry, ns, type ActionEntry } from "./action-table-entry";

const secrets = "features/secrets/actions.ts";
const services = "features/services/actions.ts";

export const NAMESPACED_ACTIONS: ActionEntry[] = [
  {
    file: secrets,
    action: "createSecretAction",
    calls: "createSecret",
    route: `POST ${ns}/secrets`,
    drive: denied({ ns: "default", name: "{newName}", type: "Opaque", ...entry() }),
  },
  {
    file: "features/secrets/manifest-actions.ts",
    action: "previewManifestAction",
    calls: "previewManifest",
    route: `POST ${ns}/secrets`,
    drive: denied({ ns: "default", manifest: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {newName}\nstringData:\n  value: x\n" }),
  },
  {
    file: "features/secrets/manifest-actions.ts",
    action: "importManifestAction",
    calls: "createSecretsFromManifest",
    route: `POST ${ns}/secrets`,
    drive: denied({ ns: "default", manifest: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {newName}\nstringData:\n  value: x\n" }),
  },
  {
    file: secrets,
    action: "rotateSecretAction",
    calls: "rotateSecret",
    route: `POST ${ns}/secrets/{name}/versions`,
    drive: denied({ ns: "default", name: "{secret}", ...entry() }),
  },
  {
    file: secrets,
    action: "rollbackSecretAction",
    calls: "rollbackSecret",
    route: `POST ${ns}/secrets/{name}/rollback`,
    drive: denied({ ns: "default", name: "{secret}", version: "1" }),
  },
  {
    file: secrets,
    action: "updateLabelsAction",
    calls: "updateSecretLabels",
    route: `PATCH ${ns}/secrets/{name}`,
    drive: denied({ ns: "default", name: "{secret}", labelKey: "team", labelValue: "mallory" }),
  },
  {
    file: secrets,
    action: "deleteSecretAction",
    calls: "deleteSecret",
    route: `DELETE ${ns}/secrets/{name}`,
    drive: denied({ ns: "default", name: "{secret}", confirm: "{secret}" }),
  },
  {
    file: secrets,
    action: "restoreSecretAction",
    calls: "restoreSecret",
    route: `POST ${ns}/secrets/{name}/restore`,
    drive: denied({ ns: "default", name: "{deletedSecret}" }),
  },
  {
    file: secrets,
    action: "purgeSecretAction",
    calls: "purgeSecret",
    route: `DELETE ${ns}/secrets/{name}?purge=true`,
    drive: denied({ ns: "default", name: "{deletedSecret}", confirm: "{deletedSecret}" }),
  },
  {
    file: "features/secrets/rotation-actions.ts",
    action: "setRotationAction",
    calls: "setRotationPolicy",
    route: `PUT ${ns}/secrets/{name}/rotation`,
    drive: denied({ ns: "default", name: "{secret}", every: "30d", length: "32", alphabet: "base64", key: "" }),
  },
  {
    file: "features/secrets/rotation-actions.ts",
    action: "stopRotationAction",
    calls: "deleteRotationPolicy",
    route: `DELETE ${ns}/secrets/{name}/rotation`,
    drive: denied({ ns: "default", name: "{secret}" }),
  },
  {
    file: "features/secrets/rotation-actions.ts",
    action: "runRotationAction",
    calls: "runRotationNow",
    route: `POST ${ns}/secrets/{name}/rotation/run`,
    drive: denied({ ns: "default", name: "{secret}" }),
  },
  {
    file: services,
    action: "createServiceAction",
    calls: "createService",
    route: `POST ${ns}/services`,
    drive: denied({ ns: "default", name: "{newName}", description: "" }),
  },
  {
    file: services,
    action: "updateServiceAction",
    calls: "updateService",
    route: `PATCH ${ns}/services/{name}`,
    drive: denied({ ns: "default", current: "{service}", name: "{service}", description: "changed by a viewer" }),
  },
  {
    file: services,
    action: "deleteServiceAction",
    calls: "deleteService",
    route: `DELETE ${ns}/services/{name}`,
    drive: denied({ ns: "default", name: "{service}", confirm: "{service}" }),
  },
  {
    file: services,
    action: "addBindingAction",
    calls: "addBinding",
    route: `POST ${ns}/services/{name}/bindings`,
    drive: denied({ ns: "default", service: "{service}", secret: "{secret}" }),
  },
  {
    file: services,
    action: "removeBindingAction",
    calls: "removeBinding",
    route: `DELETE ${ns}/services/{name}/bindings/{target}`,
    drive: denied({ ns: "default", service: "{service}", target: "{boundTarget}" }),
  },
  {
    file: services,
    action: "createServiceTokenAction",
    calls: "createServiceToken",
    route: `POST ${ns}/services/{name}/tokens`,
    drive: denied({ ns: "default", service: "{service}", name: "exfil", expiresInDays: "30" }),
  },
  {
    file: services,
    action: "revokeServiceTokenAction",
    calls: "revokeServiceToken",
    route: `DELETE ${ns}/services/{name}/tokens/{id}`,
    drive: denied({ ns: "default", service: "{service}", tokenId: "{serviceTokenId}" }),
  },
  {
    file: "features/integrations/actions.ts",
    action: "createIntegrationAction",
    calls: "createIntegration",
    route: `POST ${ns}/integrations`,
    drive: denied({ ns: "default", kind: "docker-swarm", name: "exfil", expiresInDays: "30" }),
  },
  {
    file: "features/integrations/actions.ts",
    action: "revokeIntegrationAction",
    calls: "revokeIntegration",
    route: `DELETE ${ns}/integrations/{id}`,
    // The viewer is refused before any lookup, so no integration needs arranging (the console spec makes none).
    drive: denied({ ns: "default", id: "int_authz_none" }),
  },
  {
    file: "features/integrations/actions.ts",
    action: "renewIntegrationAction",
    calls: "renewIntegrationToken",
    route: `POST ${ns}/integrations/{id}/token`,
    // As for revoking: the viewer is refused before any lookup.
    drive: denied({ ns: "default", id: "int_authz_none", expiresInDays: "30" }),
  },
];
