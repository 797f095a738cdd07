import { PageNotFound } from "@/components/ui/status-notice";

export default function TeamNotFound() {
  return (
    <PageNotFound backHref="/team" backLabel="Back to the team">
      There is no such member: they may have been removed.
    </PageNotFound>
  );
}
