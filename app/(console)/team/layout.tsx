import { ToastProvider } from "@/components/ui/toast";

// Only a place for toasts: every page checks access itself.
export default function TeamLayout({ children }: { children: React.ReactNode }) {
  return <ToastProvider>{children}</ToastProvider>;
}
