import { BrandCardFrame } from "@/components/ui/brand-card-frame";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <BrandCardFrame>{children}</BrandCardFrame>;
}
