/**
 * How the table is measured: every contender of a group runs in the same process, in the same
 * tinybench run, for several rounds; a row's figure is the median over the rounds. Calls that take
 * well under a microsecond are timed in batches, so the timer's own cost does not flatten them.
 */
import { Bench } from "tinybench";

export interface Contender {
  name: string;
  /** What the contender does beyond or short of our work, shown under the table. */
  note?: string;
  fn: () => unknown;
  /** The function returns a promise to await. */
  async?: boolean;
  /** A floor (the least the row's work can cost), not a peer: targets are taken against floors. */
  floor?: boolean;
}

export interface Target {
  /** The floors the ratio may be taken against: the fastest of them in the run is the one used. */
  against: readonly string[];
  /** Our ops/s divided by theirs must reach this. */
  atLeast: number;
}

export interface Group {
  title: string;
  /** The contender that is us; ratios are ours ÷ theirs. */
  ours: string;
  contenders: Contender[];
  target?: Target;
}

export interface Measured {
  group: Group;
  /** Median ops/s over the rounds, by contender name. */
  opsPerSecond: Map<string, number>;
  /** Ops/s of every round, by contender name: round i of each contender ran in the same round. */
  rounds: Map<string, number[]>;
  /** The run (process) each round belongs to, index for index with `rounds`; all 0 for one run. */
  runOf: number[];
}

/** One run's samples, as a child process hands them over: ops/s per round, by group title and contender. */
export type RunSamples = Record<string, Record<string, number[]>>;

/** Keeps results alive so the engine cannot drop a call whose value is never read. */
export let sink: unknown;

/** Calls per timed iteration so one iteration lasts about `micros` microseconds. */
async function batchSize(c: Contender, micros: number): Promise<number> {
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < 20) {
    sink = c.async ? await c.fn() : c.fn();
    calls++;
  }
  const perCall = (performance.now() - start) / calls;
  return Math.max(1, Math.round(micros / 1000 / perCall));
}

/** A full garbage collection where the process was started with --expose-gc (`npm run bench` is). */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

function keep(value: unknown): void {
  sink = value;
}

/**
 * The timed loop for one contender. Each loop is compiled on its own (`new Function`), so its call
 * site sees only that contender: a loop shared by every contender would make the call megamorphic
 * and let one contender's shapes slow down another's, which made ratios swing between runs.
 */
function batched(c: Contender, n: number): () => unknown {
  const body = c.async
    ? "return async () => { let v; for (let i = 0; i < n; i++) v = await fn(); keep(v); };"
    : "return () => { let v; for (let i = 0; i < n; i++) v = fn(); keep(v); };";
  return new Function("fn", "n", "keep", body)(c.fn, n, keep) as () => unknown;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export interface RunOptions {
  rounds: number;
  /** Milliseconds each contender runs per round. */
  time: number;
  onRound?: (round: number) => void;
}

export async function measure(groups: Group[], options: RunOptions): Promise<Measured[]> {
  const samples = groups.map((g) => new Map(g.contenders.map((c) => [c.name, [] as number[]])));
  const batches = await Promise.all(groups.map((g) => Promise.all(g.contenders.map((c) => batchSize(c, 200)))));
  for (let round = 1; round <= options.rounds; round++) {
    options.onRound?.(round);
    for (const [gi, group] of groups.entries()) {
      const bench = new Bench({ time: options.time, warmupTime: options.time / 4, throws: true });
      // A full collection before each contender's sample, as the shared harness does: code whose speed
      // rests on objects no longer alive (hidden classes V8 holds weakly) shows it here, not only there.
      group.contenders.forEach((c, ci) => bench.add(c.name, batched(c, batches[gi]![ci]!), { beforeAll: collect }));
      await bench.run();
      for (const [ci, task] of bench.tasks.entries()) {
        const p50 = task.result?.latency.p50;
        if (!p50) throw new Error(`${group.title} / ${task.name}: no result`);
        samples[gi]!.get(task.name)!.push((batches[gi]![ci]! * 1000) / p50);
      }
    }
  }
  return groups.map((group, gi) => measured(group, samples[gi]!, new Array<number>(options.rounds).fill(0)));
}

function measured(group: Group, rounds: Map<string, number[]>, runOf: number[]): Measured {
  return { group, opsPerSecond: new Map([...rounds].map(([name, xs]) => [name, median(xs)])), rounds, runOf };
}

/** The samples of one run, to hand to the process that merges the runs. */
export function samplesOf(ms: Measured[]): RunSamples {
  return Object.fromEntries(ms.map((m) => [m.group.title, Object.fromEntries(m.rounds)]));
}

/** Several runs' samples as one measurement per group: rounds side by side, each still paired within its run. */
export function mergeRuns(groups: Group[], runs: RunSamples[]): Measured[] {
  return groups.map((group) => {
    const rounds = new Map(group.contenders.map((c) => [c.name, [] as number[]]));
    const runOf: number[] = [];
    runs.forEach((run, r) => {
      const samples = run[group.title];
      if (!samples) throw new Error(`run ${r + 1} has no samples for "${group.title}"`);
      for (const c of group.contenders) rounds.get(c.name)!.push(...(samples[c.name] ?? []));
      runOf.push(...(samples[group.ours] ?? []).map(() => r));
    });
    return measured(group, rounds, runOf);
  });
}

/** Ours ÷ theirs in each round: both ran in that round, so a slow spell of the machine hits both. */
function roundRatios(m: Measured, against: string): number[] {
  const ours = m.rounds.get(m.group.ours)!;
  const theirs = m.rounds.get(against)!;
  return ours.map((x, i) => x / theirs[i]!);
}

/** Each run's ratio, the median over its rounds; one entry per round when there was one run. */
function runRatios(m: Measured, against: string): number[] {
  const rs = roundRatios(m, against);
  const runs = runCount(m);
  if (runs === 1) return rs;
  return Array.from({ length: runs }, (_, r) => median(rs.filter((_, i) => m.runOf[i] === r)));
}

export function runCount(m: Measured): number {
  return new Set(m.runOf).size;
}

/** The median over the runs of each run's median over its rounds of ours ÷ theirs in the same round. */
export function ratio(m: Measured, against: string): number {
  return median(runRatios(m, against));
}

/** The lowest and highest run's ratio (the lowest and highest round's with one run): the spread a single figure hides. */
export function ratioRange(m: Measured, against: string): [number, number] {
  const rs = runRatios(m, against);
  return [Math.min(...rs), Math.max(...rs)];
}
