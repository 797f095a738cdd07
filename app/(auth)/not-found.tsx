import { PageNotFound } from "@/components/ui/status-notice";

// Inside the sign-in layout's card already (e.g. /setup once an owner exists).
export default function AuthNotFound() {
  return <PageNotFound />;
}
