import { PermissionDenied } from "@/components/ui/permission-denied";

// Inside the console shell: the member keeps the navigation to what they may see.
export default function ConsoleForbidden() {
  return <PermissionDenied />;
}
