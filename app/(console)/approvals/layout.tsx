import { ToastProvider } from "@/components/ui/toast";

// Only a place for toasts: every page checks access itself.
export default function ApprovalsLayout({ children }: { children: React.ReactNode }) {
  return <ToastProvider>{children}</ToastProvider>;
}
