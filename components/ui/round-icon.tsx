import type { LucideIcon } from "lucide-react";

const tones = {
  indigo: "bg-indigo-50 text-indigo-600 dark:bg-indigo-950 dark:text-indigo-400",
  amber: "bg-amber-50 text-amber-600 dark:bg-amber-950 dark:text-amber-400",
};

/** The icon over a notice's heading (an empty list, a spent link), in a tinted circle; decorative. */
export function RoundIcon({ icon: Icon, tone, className = "" }: { icon: LucideIcon; tone: keyof typeof tones; className?: string }) {
  return (
    <span className={`${className} flex size-10 items-center justify-center rounded-full ${tones[tone]}`.trim()}>
      <Icon aria-hidden className="size-5" />
    </span>
  );
}
