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
}

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
      group.contenders.forEach((c, ci) => bench.add(c.name, batched(c, batches[gi]![ci]!)));
      await bench.run();
      for (const [ci, task] of bench.tasks.entries()) {
        const p50 = task.result?.latency.p50;
        if (!p50) throw new Error(`${group.title} / ${task.name}: no result`);
        samples[gi]!.get(task.name)!.push((batches[gi]![ci]! * 1000) / p50);
      }
    }
  }
  return groups.map((group, gi) => ({
    group,
    opsPerSecond: new Map([...samples[gi]!].map(([name, xs]) => [name, median(xs)])),
    rounds: samples[gi]!,
  }));
}

/** Ours ÷ theirs in each round: both ran in that round, so a slow spell of the machine hits both. */
function roundRatios(m: Measured, against: string): number[] {
  const ours = m.rounds.get(m.group.ours)!;
  const theirs = m.rounds.get(against)!;
  return ours.map((x, i) => x / theirs[i]!);
}

/** The median over the rounds of ours ÷ theirs in the same round. */
export function ratio(m: Measured, against: string): number {
  return median(roundRatios(m, against));
}

/** The lowest and highest round's ours ÷ theirs: the spread a single figure hides. */
export function ratioRange(m: Measured, against: string): [number, number] {
  const rs = roundRatios(m, against);
  return [Math.min(...rs), Math.max(...rs)];
}
