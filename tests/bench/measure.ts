import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const CLOCK_TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** CPU (user + system) a process has used so far, in ms, from /proc; 0 once it has gone. */
export function cpuMs(pid: number): number {
  const { user, system } = cpuSplitMs(pid);
  return user + system;
}

/** CPU a process has used so far in user mode and in the kernel (system calls: its sockets' reads and writes), in ms; 0 once it has gone. */
export function cpuSplitMs(pid: number): { user: number; system: number } {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return { user: Number(fields[11]) * CLOCK_TICK_MS, system: Number(fields[12]) * CLOCK_TICK_MS };
  } catch {
    return { user: 0, system: 0 };
  }
}

/** A process's resident memory, in KiB (VmRSS). */
export const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

/** The p-th percentile of values sorted ascending. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Whether valgrind is on the machine (Debian's package), for the instruction counts. */
export function hasValgrind(): boolean {
  try {
    execFileSync('valgrind', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** The command a server runs under to have its instructions counted: callgrind, counting nothing until told (`Callgrind.on`). */
export const callgrindWrapper = (outDirectory: string) => ['valgrind', '--tool=callgrind', '--instr-atstart=no', '--smc-check=all-non-file', `--callgrind-out-file=${outDirectory}/callgrind.%p`];

/**
 * Counts the instructions a process under callgrindWrapper runs while `work` runs: per thread, the
 * main thread (the JavaScript) and all of them (with garbage collection and compilation).
 */
export async function countInstructions(pid: number, work: () => Promise<unknown>): Promise<{ main: number; all: number }> {
  const control = (...args: string[]) => execFileSync('callgrind_control', [...args, String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  control('--zero');
  control('--instr=on');
  await work();
  const threads = [...control('-e', 'Ir').matchAll(/Th\s*(\d+)\s+([\d,]+)/g)].map(([, thread, count]) => ({ thread, count: Number(count.replace(/,/g, '')) }));
  control('--instr=off');
  return { main: threads.find(({ thread }) => thread === '1')?.count ?? 0, all: threads.reduce((sum, { count }) => sum + count, 0) };
}

/** Sends `count` requests of `body` to `url`, five at a time, failing on an answer that is not 2xx. */
export async function sendRequests(url: string, headers: Record<string, string>, body: string, count: number): Promise<void> {
  let left = count;
  await Promise.all(
    Array.from({ length: 5 }, async () => {
      while (left-- > 0) {
        const response = await fetch(url, { method: 'POST', headers, body });
        if (!response.ok) throw new Error(`HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
        await response.arrayBuffer();
      }
    }),
  );
}

/** What V8 printed of its collections (`--trace-gc --trace-gc-nvp`) in `output`: the server's own log, or a slice of it. */
export interface Collections {
  /** Young-generation collections (scavenges), and the main thread's pauses in them, ms. */
  scavenges: number;
  scavengeMs: number;
  /** Bytes the scavenges moved to the old generation: what outlived two of them. */
  promoted: number;
  /** Full (mark-compact) collections. */
  full: number;
}

/** Node flags that make a server print each collection (read back by `collections`). */
export const TRACE_GC_FLAGS = ['--trace-gc', '--trace-gc-nvp'];

export function collections(output: string): Collections {
  const found: Collections = { scavenges: 0, scavengeMs: 0, promoted: 0, full: 0 };
  for (const line of output.split('\n')) {
    const kind = / gc=(\w+) /.exec(line)?.[1];
    if (kind === 's') {
      found.scavenges += 1;
      found.scavengeMs += Number(/ pause=([\d.]+)/.exec(line)?.[1] ?? 0);
      found.promoted += Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0);
    } else if (kind === 'mc' || kind === 'mmc') {
      found.full += 1;
    }
  }
  return found;
}
