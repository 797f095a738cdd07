import { SettingsTabs } from "@/features/tokens/components/settings-tabs";

export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <SettingsTabs />
      </div>
      {children}
    </div>
  );
}
