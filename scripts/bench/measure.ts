/**
 * Runs a child process and measures it: wall time; peak RSS and CPU time through GNU time
 * (`/usr/bin/time -f`) and a /proc watch of the whole process tree (the larger wins).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measured {
  ms: number;
  /** Peak resident set size in bytes (null without GNU time). */
  rssBytes: number | null;
  /** User + system CPU time (null without GNU time): less sensitive than wall time to other load. */
  cpuMs: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';
const TICK_MS = 10; // USER_HZ = 100 on Linux

/**
 * Watches a process tree through /proc: the peak of the summed RSS of all its processes, and the
 * CPU time each was last seen with. GNU time alone misses what a child does not wait for (the
 * Pagefind service binary is killed, not reaped, when Node exits).
 */
function watchTree(root: number): { stop: () => { rssBytes: number; cpuMs: number } } {
  let peak = 0;
  const cpu = new Map<number, number>();
  const sample = () => {
    const parent = new Map<number, number>();
    const stat = new Map<number, string[]>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const text = readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
        parent.set(Number(name), Number(fields[1]));
        stat.set(Number(name), fields);
      } catch {
        // exited meanwhile
      }
    }
    let rss = 0;
    for (const [pid, fields] of stat) {
      let p: number | undefined = pid;
      while (p && p !== root) p = parent.get(p);
      if (p !== root) continue;
      rss += Number(fields[21]) * 4096; // rss in pages
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * TICK_MS); // utime + stime
    }
    peak = Math.max(peak, rss);
  };
  const timer = setInterval(sample, 200);
  return {
    stop: () => {
      clearInterval(timer);
      return { rssBytes: peak, cpuMs: [...cpu.values()].reduce((a, b) => a + b, 0) };
    },
  };
}

export function run(command: string, args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<Measured> {
  const stats = join(tmpdir(), `bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const withTime = existsSync(GNU_TIME);
  const [cmd, argv] = withTime ? [GNU_TIME, ['-f', '%e %M %U %S', '-o', stats, command, ...args]] : [command, args];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const tree = existsSync('/proc/self/stat') && child.pid ? watchTree(child.pid) : null;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const watched = tree?.stop();
      let rssBytes: number | null = null;
      let cpuMs: number | null = null;
      if (withTime && existsSync(stats)) {
        const line = readFileSync(stats, 'utf8').trim().split('\n').at(-1) ?? '';
        const [, kb, user, sys] = line.split(' ').map(Number);
        rssBytes = Number.isFinite(kb) ? kb * 1024 : null;
        cpuMs = Number.isFinite(user + sys) ? (user + sys) * 1000 : null;
        rmSync(stats, { force: true });
      }
      // The tree's figures when larger (unreaped children); sampled every 200 ms.
      if (watched) {
        rssBytes = Math.max(rssBytes ?? 0, watched.rssBytes) || null;
        cpuMs = Math.max(cpuMs ?? 0, watched.cpuMs) || null;
      }
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`));
        return;
      }
      resolve({ ms, rssBytes, cpuMs, stdout, stderr });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
