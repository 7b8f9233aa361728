/** Formats measured groups, targets and side measures as the Markdown of docs/benchmarks.md. */
import { type Measured, ratio } from "./measure.ts";

const ops = (n: number) => Math.round(n).toLocaleString("en-US");
const times = (r: number) => `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;

export function groupTable(m: Measured): string {
  const { group } = m;
  const rows = group.contenders.map((c) => {
    const mine = c.name === group.ours;
    const name = mine ? `**${c.name}**` : c.name;
    return `| ${name} | ${ops(m.opsPerSecond.get(c.name)!)} | ${mine ? "—" : times(ratio(m, c.name))} |`;
  });
  const notes = group.contenders.filter((c) => c.note).map((c) => `- ${c.name}: ${c.note}`);
  return [`### ${group.title}`, "", "| contender | ops/s (median) | ours ÷ theirs |", "|---|---:|---:|", ...rows, "", ...notes, ...(notes.length ? [""] : [])].join("\n");
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
    if (!t) return [];
    const r = ratio(m, t.against);
    return [{ what: `${m.group.title} vs ${t.against}`, measured: times(r), target: `≥ ${t.atLeast}×`, met: r >= t.atLeast }];
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
    const r = c.name === m.group.ours ? "" : times(ratio(m, c.name));
    return `  ${c.name.padEnd(width)}  ${ops(m.opsPerSecond.get(c.name)!).padStart(13)} ops/s  ${r.padStart(8)}`;
  });
  return [m.group.title, ...lines].join("\n");
}
