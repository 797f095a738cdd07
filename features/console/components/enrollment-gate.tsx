"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { ENROLLMENT_HREF } from "@/lib/auth/enrollment-href";

/**
 * A member whose role requires a second factor and who has none sees only
 * their profile until they set one up: every other page sends them there.
 * requireActor() enforces it on the server for every page and action; this
 * keeps the banner and the shell in step on client navigation, since the
 * layout does not re-render then.
 */
export function EnrollmentGate({ message, children }: { message: string | null; children: React.ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const onProfile = pathname === "/profile";
  useEffect(() => {
    if (message && !onProfile) router.replace(ENROLLMENT_HREF);
  }, [message, onProfile, router]);
  // The same two slots whether or not the banner shows: the profile below it
  // must not remount when enrolling lifts it (its recovery codes are on screen).
  return (
    <>
      {message ? (
        <div className="mb-6" data-testid="enrollment-required">
          <Alert tone="warning">
            <p className="font-medium">{message}</p>
            {onProfile ? null : (
              <Link href={ENROLLMENT_HREF} className="underline">
                Go to two-factor sign-in
              </Link>
            )}
          </Alert>
        </div>
      ) : null}
      {!message || onProfile ? children : null}
    </>
  );
}
