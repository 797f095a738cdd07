import { ToastProvider } from "@/components/ui/toast";

// Only a place for toasts: the page checks access itself.
export default function IntegrationsLayout({ children }: { children: React.ReactNode }) {
  return <ToastProvider>{children}</ToastProvider>;
}
