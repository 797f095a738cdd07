import { databaseReachable } from "@/lib/instance/check-database";

export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await databaseReachable();
  return Response.json(
    { status: ok ? "ok" : "unavailable", db: ok ? "ok" : "unreachable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
