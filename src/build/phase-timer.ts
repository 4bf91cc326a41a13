/**
 * A build's phases timed: wall milliseconds per phase and, beside them, the CPU milliseconds of the
 * whole process (every thread), on a shared machine the steadier of the two.
 */
export interface PhaseTimer {
  timings: Record<string, number>;
  cpuTimings: Record<string, number>;
  /** Runs `work` as the phase `name`, timing it even when it fails. */
  timed<T>(this: void, name: string, work: () => Promise<T> | T): Promise<T>;
}

export function phaseTimer(): PhaseTimer {
  const timings: Record<string, number> = {};
  const cpuTimings: Record<string, number> = {};
  return {
    timings,
    cpuTimings,
    async timed(name, work) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      try {
        return await work();
      } finally {
        timings[name] = Math.round(performance.now() - start);
        const used = process.cpuUsage(cpu);
        cpuTimings[name] = Math.round((used.user + used.system) / 1000);
      }
    },
  };
}
