import { PageNotFound } from "@/components/ui/status-notice";

export default function ServiceNotFound() {
  return (
    <PageNotFound backHref="/services" backLabel="Back to services">
      There is no such service or namespace. It may have been renamed or deleted.
    </PageNotFound>
  );
}
