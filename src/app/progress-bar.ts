/**
 * Progress of a long CLI task. On a terminal, one line redrawn in place ("stories [#####-----]
 * 52% 5200/10000"); elsewhere (logs, CI, pipes) a plain line per tenth of each phase, so the output
 * stays readable and short.
 */
export interface ProgressStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
}

const WIDTH = 30;

export function progressReporter(stream: ProgressStream): { update(phase: string, done: number, total: number): void; end(): void } {
  let lastPhase = '';
  let lastTenth = -1;
  let drawn = false;
  return {
    update(phase, done, total) {
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const percent = Math.floor(ratio * 100);
      if (stream.isTTY) {
        if (phase !== lastPhase && drawn) stream.write('\n');
        const filled = Math.round(ratio * WIDTH);
        stream.write(
          `\r${phase.padEnd(8)} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(percent).padStart(3)}% ${done}/${total}`,
        );
        drawn = true;
      } else {
        const tenth = Math.floor(ratio * 10);
        if (phase === lastPhase && tenth === lastTenth) return;
        lastTenth = tenth;
        stream.write(`${phase}: ${done}/${total} (${percent}%)\n`);
      }
      lastPhase = phase;
    },
    end() {
      if (stream.isTTY && drawn) stream.write('\n');
      drawn = false;
    },
  };
}
