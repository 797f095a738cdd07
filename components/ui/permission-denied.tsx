import { StatusNotice } from "@/components/ui/status-notice";

/**
 * What the forbidden boundaries show when a page calls forbidden() (HTTP 403).
 * forbidden() carries no message, so this names no permission: the member's
 * roles are on their profile, and an owner can say which one grants the page.
 */
export function PermissionDenied() {
  return (
    <StatusNotice code={403} title="Permission required">
      <p>You don&apos;t have access to this page.</p>
      <p>Ask an owner or admin for a role that grants it.</p>
    </StatusNotice>
  );
}
