/** Formats measured groups, targets and side measures as the Markdown of docs/benchmarks.md. */
import { type Measured, ratio, ratioRange, runCount } from "./measure.ts";

const ops = (n: number) => Math.round(n).toLocaleString("en-US");
const times = (r: number) => `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
const spread = (m: Measured, against: string) => {
  const [lo, hi] = ratioRange(m, against);
  return `${times(ratio(m, against))} (${times(lo)}–${times(hi)})`;
};

/** The fastest of a target's floors in this run: the one the target is taken against. */
export function fastestFloor(m: Measured): string | undefined {
  const present = (m.group.target?.against ?? []).filter((name) => m.opsPerSecond.has(name));
  return present.sort((a, b) => m.opsPerSecond.get(b)! - m.opsPerSecond.get(a)!)[0];
}

export function groupTable(m: Measured): string {
  const { group } = m;
  const rows = group.contenders.map((c) => {
    const mine = c.name === group.ours;
    const name = mine ? `**${c.name}**` : c.name;
    return `| ${name} | ${ops(m.opsPerSecond.get(c.name)!)} | ${mine ? "—" : spread(m, c.name)} |`;
  });
  const notes = group.contenders.filter((c) => c.note).map((c) => `- ${c.name}: ${c.note}`);
  const floor = fastestFloor(m);
  const slowFloors = group.contenders.filter((c) => c.floor && floor !== undefined && c.name !== floor && group.target?.against.includes(c.name));
  const caveat = slowFloors.map((c) => `- ${c.name} ran slower than ${floor} in this run, so the target is taken against ${floor}.`);
  return [
    `### ${group.title}`,
    "",
    `| contender | ops/s (median) | ${group.ours} ÷ this row: median (lowest–highest ${runCount(m) > 1 ? "run" : "round"}) |`,
    "|---|---:|---:|",
    ...rows,
    "",
    ...notes,
    ...caveat,
    ...(notes.length || caveat.length ? [""] : []),
  ].join("\n");
}

export interface TargetRow {
  what: string;
  measured: string;
  target: string;
  met: boolean;
}

export function targetRows(measured: Measured[]): TargetRow[] {
  return measured.flatMap((m) => {
    const t = m.group.target;
    const floor = fastestFloor(m);
    if (!t || floor === undefined) return [];
    const r = ratio(m, floor);
    // Ahead of every peer too: a target met while a peer is faster is not met.
    const behind = m.group.contenders.filter((c) => !c.floor && c.name !== m.group.ours && ratio(m, c.name) < 1).map((c) => c.name);
    const measured = `${spread(m, floor)}${behind.length ? `; behind ${behind.join(", ")}` : ""}`;
    return [{ what: `${m.group.title} vs ${floor}`, measured, target: `≥ ${t.atLeast}×, ahead of every peer`, met: r >= t.atLeast && behind.length === 0 }];
  });
}

export function targetTable(rows: TargetRow[]): string {
  return ["| measure | result | target | met |", "|---|---:|---:|:-:|", ...rows.map((r) => `| ${r.what} | ${r.measured} | ${r.target} | ${r.met ? "yes" : "**no**"} |`)].join("\n");
}

/** A plain-text table for the terminal. */
export function consoleTable(m: Measured): string {
  const names = m.group.contenders.map((c) => c.name);
  const width = Math.max(...names.map((n) => n.length));
  const lines = m.group.contenders.map((c) => {
    const r = c.name === m.group.ours ? "" : spread(m, c.name);
    return `  ${c.name.padEnd(width)}  ${ops(m.opsPerSecond.get(c.name)!).padStart(13)} ops/s  ${r.padStart(22)}`;
  });
  return [m.group.title, ...lines].join("\n");
}
