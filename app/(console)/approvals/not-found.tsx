import { PageNotFound } from "@/components/ui/status-notice";

export default function ApprovalNotFound() {
  return (
    <PageNotFound backHref="/approvals" backLabel="Back to approvals">
      There is no such approval request, or it is not one you can see.
    </PageNotFound>
  );
}
