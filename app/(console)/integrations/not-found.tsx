import { PageNotFound } from "@/components/ui/status-notice";

export default function IntegrationsNotFound() {
  return (
    <PageNotFound backHref="/integrations" backLabel="Back to integrations">
      There is no such namespace. It may have been renamed or deleted.
    </PageNotFound>
  );
}
