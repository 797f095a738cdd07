import { PageNotFound } from "@/components/ui/status-notice";

// Inside the console shell; the sections' own not-found pages say what is missing.
export default function ConsoleNotFound() {
  return <PageNotFound />;
}
