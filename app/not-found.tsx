import { BrandCardFrame } from "@/components/ui/brand-card-frame";
import { PageNotFound } from "@/components/ui/status-notice";

// Outside every layout but the root: the sign-in pages' frame, so /no-such-page
// and /setup after setup (app/(auth)/not-found.tsx) look the same.
export default function NotFound() {
  return (
    <BrandCardFrame>
      <PageNotFound />
    </BrandCardFrame>
  );
}
