"use client";

// The audit page's charts, drawn from the server's auditStats for the same
// filters. Text, grid and tooltip take their colours from Tailwind classes
// (currentColor), so the charts follow the theme, system preference included.
import { BarChart3, ShieldCheck, KeyRound } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { AuditStats } from "@/lib/audit/audit-stats";

const COLORS = { success: "#10b981", denied: "#f59e0b", error: "#ef4444", reads: "#6366f1" };
const TICK = { fill: "currentColor", fontSize: 11 };
const CURSOR = { fill: "currentColor", fillOpacity: 0.08 };

function ChartCard({ title, subtitle, testId, children }: { title: string; subtitle: string; testId: string; children: React.ReactNode }) {
  return (
    <figure
      data-testid={testId}
      className="flex min-w-0 flex-col rounded-xl bg-white p-4 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800"
    >
      <figcaption className="mb-3">
        <span className="block text-sm font-semibold text-zinc-900 dark:text-zinc-100">{title}</span>
        <span className="block text-xs text-zinc-500 dark:text-zinc-400">{subtitle}</span>
      </figcaption>
      <div className="flex-1 text-zinc-500 dark:text-zinc-400">{children}</div>
    </figure>
  );
}

function NoData({ icon: Icon, children }: { icon: LucideIcon; children: React.ReactNode }) {
  return (
    <div
      data-testid="chart-empty"
      className="flex h-full min-h-40 flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-zinc-200 px-4 text-center text-xs dark:border-zinc-800"
    >
      <Icon aria-hidden className="size-5 text-zinc-400" />
      {children}
    </div>
  );
}

type TooltipItem = { dataKey?: unknown; name?: unknown; value?: unknown; color?: string };
type TooltipBoxProps = { active?: boolean; payload?: readonly TooltipItem[]; label?: unknown; formatLabel?: (label: string) => string };

function TooltipBox({ active, payload, label, formatLabel = (text) => text }: TooltipBoxProps) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-lg bg-white px-3 py-2 text-xs shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-800 dark:ring-zinc-700">
      <div className="mb-1 font-semibold text-zinc-900 dark:text-zinc-100">{formatLabel(String(label ?? ""))}</div>
      {payload.map((item) => (
        <div key={String(item.dataKey)} className="flex items-center gap-2 text-zinc-700 dark:text-zinc-300">
          <span aria-hidden className="size-2 rounded-full" style={{ background: item.color }} />
          {String(item.name)}: <span className="font-semibold tabular-nums">{String(item.value)}</span>
        </div>
      ))}
    </div>
  );
}

/** "Mar 4" for "2026-03-04", the same on every machine (the days are UTC). */
function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
}

function PerDay({ data }: { data: AuditStats["perDay"] }) {
  const total = data.reduce((sum, d) => sum + d.success + d.denied + d.error, 0);
  if (!total) return <NoData icon={BarChart3}>No events in this view.</NoData>;
  return (
    <>
      <ul className="mb-2 flex gap-3 text-xs" aria-label="Legend">
        {(["success", "denied", "error"] as const).map((key) => (
          <li key={key} className="flex items-center gap-1.5">
            <span aria-hidden className="size-2 rounded-full" style={{ background: COLORS[key] }} />
            {key}
          </li>
        ))}
      </ul>
      <BarChart
        responsive
        style={{ width: "100%", height: 190 }}
        data={data}
        margin={{ top: 4, right: 4, bottom: 0, left: -24 }}
        accessibilityLayer
      >
        <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
        <XAxis dataKey="day" tickFormatter={shortDay} tick={TICK} tickLine={false} axisLine={false} minTickGap={16} />
        <YAxis allowDecimals={false} tick={TICK} tickLine={false} axisLine={false} />
        <Tooltip cursor={CURSOR} content={(props) => <TooltipBox {...props} formatLabel={shortDay} />} />
        <Bar dataKey="success" name="success" stackId="outcome" fill={COLORS.success} isAnimationActive={false} />
        <Bar dataKey="denied" name="denied" stackId="outcome" fill={COLORS.denied} isAnimationActive={false} />
        <Bar dataKey="error" name="error" stackId="outcome" fill={COLORS.error} radius={[2, 2, 0, 0]} isAnimationActive={false} />
      </BarChart>
      <p className="sr-only">
        {total} events: {data.reduce((s, d) => s + d.success, 0)} success, {data.reduce((s, d) => s + d.denied, 0)} denied,{" "}
        {data.reduce((s, d) => s + d.error, 0)} error.
      </p>
    </>
  );
}

type BarsProps = { data: Record<string, string | number>[]; labelKey: string; valueKey: string; name: string; color: string };

// Category labels at 11px: at most 7px a character, plus the gap to the axis; long ones are cut with an
// ellipsis (the tooltip has them whole).
const CHAR_PX = 7;
const GAP_PX = 14;
const MAX_LABEL_PX = 180;

function labelWidth(labels: string[]): number {
  return Math.min(MAX_LABEL_PX, Math.max(40, ...labels.map((l) => Math.ceil(l.length * CHAR_PX) + GAP_PX)));
}

function fitLabel(label: string, width: number): string {
  const room = Math.floor((width - GAP_PX) / CHAR_PX);
  return label.length <= room ? label : `${label.slice(0, room - 1)}…`;
}

function HorizontalBars({ data, labelKey, valueKey, name, color }: BarsProps) {
  const width = labelWidth(data.map((d) => String(d[labelKey])));
  return (
    <BarChart
      responsive
      layout="vertical"
      style={{ width: "100%", height: Math.max(120, data.length * 30 + 30) }}
      data={data}
      margin={{ top: 0, right: 12, bottom: 0, left: 0 }}
      accessibilityLayer
    >
      <CartesianGrid horizontal={false} stroke="currentColor" strokeOpacity={0.15} />
      <XAxis type="number" allowDecimals={false} tick={TICK} tickLine={false} axisLine={false} />
      <YAxis
        type="category"
        dataKey={labelKey}
        width={width}
        tick={TICK}
        tickFormatter={(label) => fitLabel(String(label), width)}
        tickLine={false}
        axisLine={false}
        interval={0}
      />
      <Tooltip cursor={CURSOR} content={(props) => <TooltipBox {...props} />} />
      <Bar dataKey={valueKey} name={name} fill={color} radius={[0, 2, 2, 0]} barSize={16} isAnimationActive={false} />
    </BarChart>
  );
}

export function AuditCharts({ stats, period }: { stats: AuditStats; period: string }) {
  const reads = stats.mostRead.map((r) => ({ label: r.namespace ? `${r.namespace}/${r.secret}` : r.secret, reads: r.reads }));
  return (
    <section aria-label="Charts" className="grid gap-4 lg:grid-cols-3">
      <ChartCard title="Events per day" subtitle={`${period}, by outcome`} testId="chart-per-day">
        <PerDay data={stats.perDay} />
      </ChartCard>
      <ChartCard title="Most-read secrets" subtitle={`${period}, reads by services and people`} testId="chart-most-read">
        {reads.length ? (
          <HorizontalBars data={reads} labelKey="label" valueKey="reads" name="reads" color={COLORS.reads} />
        ) : (
          <NoData icon={KeyRound}>No secret reads in this view.</NoData>
        )}
      </ChartCard>
      <ChartCard title="Denied attempts" subtitle={`${period}, by actor`} testId="chart-denied">
        {stats.deniedByActor.length ? (
          <HorizontalBars data={stats.deniedByActor} labelKey="actor" valueKey="denied" name="denied" color={COLORS.denied} />
        ) : (
          <NoData icon={ShieldCheck}>No denied attempts in this view.</NoData>
        )}
      </ChartCard>
    </section>
  );
}
