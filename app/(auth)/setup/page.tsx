import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setupNeeded } from "@/lib/auth/setup";
import { SetupForm } from "../../../features/auth/components/setup-form";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  // Once the first owner exists, setup no longer exists either.
  if (!(await setupNeeded())) notFound();
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Set up Coffer</h1>
      <p className="mb-5 text-sm text-zinc-500 dark:text-zinc-400">
        Create the first owner. The one-time setup token is printed in the server log at start.
      </p>
      <SetupForm />
    </>
  );
}
