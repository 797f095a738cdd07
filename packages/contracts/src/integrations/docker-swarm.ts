// Docker's secret driver protocol (a legacy plugin: HTTP+JSON on a unix
// socket), as dockerd sends it to `coffer docker-plugin`, and the Coffer
// endpoint the plugin forwards it to:
//   POST /api/v1/integrations/docker-swarm/deliveries
//   Authorization: Bearer cfi_…   (an integration of kind docker-swarm)
//   body: the SecretProviderRequest exactly as dockerd sent it
//   200 → DockerSwarmDelivery; 4xx → {"error":{"code","message"}}, the message
//   naming what is missing (the plugin answers {"Err": message}).
// The value crosses the plugin in memory only: nothing here may reach a log.

export const DOCKER_PLUGIN_CONTENT_TYPE = "application/vnd.docker.plugins.v1.2+json";

/** What dockerd posts to /SecretProvider.GetSecret (moby/daemon/secretprovider). */
export type SecretProviderRequest = {
  SecretName: string;
  SecretLabels?: Record<string, string> | null;
  ServiceID?: string;
  ServiceName?: string;
  ServiceLabels?: Record<string, string> | null;
  TaskID?: string;
  TaskName?: string;
  TaskImage?: string;
  NodeID?: string;
  ServiceHostname?: string;
  ServiceEndpointSpec?: unknown;
};

/** What the plugin answers dockerd. */
export type SecretProviderResponse = { Value: string; DoNotReuse: boolean } | { Err: string };

/** Swarm service label naming the Coffer service, when its name differs. */
export const COFFER_SERVICE_LABEL = "coffer.service";
/** Swarm secret label naming the Coffer secret (`name` or `name@version`), when its name differs. */
export const COFFER_SECRET_LABEL = "coffer.secret";

/** What the Coffer server answers the plugin for one task's secret. */
export type DockerSwarmDelivery = {
  /** base64 of the bytes the task reads from /run/secrets/<target>. */
  value: string;
  /** The Coffer service and secret it was resolved to, for the plugin's log line. */
  service: string;
  secret: string;
  version: number;
};
