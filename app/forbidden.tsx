import { BrandCardFrame } from "@/components/ui/brand-card-frame";
import { PermissionDenied } from "@/components/ui/permission-denied";

export default function Forbidden() {
  return (
    <BrandCardFrame>
      <PermissionDenied />
    </BrandCardFrame>
  );
}
