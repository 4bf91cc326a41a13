/**
 * Timing spans of the index step (wall and the whole process's CPU per span, and how long each
 * worker thread was busy), printed to stderr as one JSON line when GONGKAI_SEARCH_SPANS=1: the
 * step's time in the build's report is one figure, and its parts are what one tunes.
 */

export class IndexSpans {
  private readonly spans: Record<string, [wallMs: number, cpuMs: number]> = {};
  private readonly start = performance.now();
  private readonly cpu = process.cpuUsage();
  readonly on = process.env.GONGKAI_SEARCH_SPANS === "1";
  private lastWall = this.start;
  private lastCpu = this.cpu;

  /** Ends the span since the previous lap (or the start) under `name`. */
  lap(name: string): void {
    if (!this.on) return;
    const now = performance.now();
    const cpu = process.cpuUsage();
    this.add(
      name,
      now - this.lastWall,
      (cpu.user - this.lastCpu.user + cpu.system - this.lastCpu.system) / 1000,
    );
    this.lastWall = now;
    this.lastCpu = cpu;
  }

  add(name: string, wallMs: number, cpuMs: number): void {
    const [wall, cpu] = this.spans[name] ?? [0, 0];
    this.spans[name] = [wall + wallMs, cpu + cpuMs];
  }

  async run<T>(name: string, work: () => Promise<T> | T): Promise<T> {
    if (!this.on) return work();
    const start = performance.now();
    const cpu = process.cpuUsage();
    try {
      return await work();
    } finally {
      const used = process.cpuUsage(cpu);
      this.add(name, performance.now() - start, (used.user + used.system) / 1000);
    }
  }

  /** Prints the spans, the whole step and the workers' busy milliseconds. */
  print(extra: Record<string, unknown> = {}): void {
    if (!this.on) return;
    const used = process.cpuUsage(this.cpu);
    const round = (n: number) => Math.round(n);
    const spans = Object.fromEntries(
      Object.entries(this.spans).map(([name, [wall, cpu]]) => [name, [round(wall), round(cpu)]]),
    );
    process.stderr.write(
      `${JSON.stringify({
        searchSpans: spans,
        wallMs: round(performance.now() - this.start),
        cpuMs: round((used.user + used.system) / 1000),
        ...extra,
      })}\n`,
    );
  }
}
