/** A person's initial in a circle; decorative, since their name stands beside it. */
export function Avatar({ name }: { name: string }) {
  return (
    <span
      aria-hidden
      className="flex size-12 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-lg font-semibold text-white"
    >
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}
