// How a manifest in a request is written: YAML by its Content-Type, else
// JSON. Routes read the text itself with lib/http/route.ts bodyText (the
// bound every body has).
import type { ManifestFormat } from "./read-manifest";

// The media types Kubernetes clients send YAML as; kubectl itself sends JSON.
export const YAML_MEDIA_TYPES = ["application/yaml", "application/x-yaml", "text/yaml"] as const;

/** "yaml" for a YAML media type (parameters such as charset ignored), else "json". */
export function manifestFormatOf(contentType: string | null): ManifestFormat {
  const media = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return (YAML_MEDIA_TYPES as readonly string[]).includes(media) ? "yaml" : "json";
}
