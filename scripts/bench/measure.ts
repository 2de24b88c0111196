/**
 * Runs a child process and measures it: wall time, and peak RSS through GNU time
 * (`/usr/bin/time -f`, the largest resident set of the process; Node child workers included
 * when they are waited for). Falls back to wall time only when GNU time is missing.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
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

export function run(command: string, args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<Measured> {
  const stats = join(tmpdir(), `bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const withTime = existsSync(GNU_TIME);
  const [cmd, argv] = withTime ? [GNU_TIME, ['-f', '%e %M %U %S', '-o', stats, command, ...args]] : [command, args];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      let rssBytes: number | null = null;
      let cpuMs: number | null = null;
      if (withTime && existsSync(stats)) {
        const line = readFileSync(stats, 'utf8').trim().split('\n').at(-1) ?? '';
        const [, kb, user, sys] = line.split(' ').map(Number);
        rssBytes = Number.isFinite(kb) ? kb * 1024 : null;
        cpuMs = Number.isFinite(user + sys) ? (user + sys) * 1000 : null;
        rmSync(stats, { force: true });
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
