import { PageNotFound } from "@/components/ui/status-notice";

export default function SecretNotFound() {
  return (
    <PageNotFound backHref="/secrets" backLabel="Back to secrets">
      There is no such secret or namespace, or it was deleted.
    </PageNotFound>
  );
}
