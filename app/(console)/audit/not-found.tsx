import { PageNotFound } from "@/components/ui/status-notice";

export default function AuditEventNotFound() {
  return (
    <PageNotFound backHref="/audit" backLabel="Back to the audit log">
      There is no audit event with this number, or retention archived it.
    </PageNotFound>
  );
}
