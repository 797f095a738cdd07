import "server-only";
import { config } from "@/lib/config/env";

// next.config.ts raises serverActions.bodySizeLimit to 8 MB; keep a margin
// for the form's other fields.
const SERVER_ACTION_BODY = 8 * 1024 * 1024 - 64 * 1024;

/** The largest file the console lets you pick; the server checks the real limit. */
export function uploadLimit(): number {
  return Math.min(config().COFFER_MAX_SECRET_BYTES, SERVER_ACTION_BODY);
}
