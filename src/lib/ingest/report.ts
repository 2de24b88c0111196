/** The ingest report: every input file and what became of it. Files in = pages + duplicates + rejected + ignored. */
import type { Warning } from '../extract/types.ts';

export type FileOutcome =
  | { file: string; outcome: 'page'; slug: string; title: string; encoding: string; warnings: string[] }
  | { file: string; outcome: 'duplicate'; duplicateOf: string }
  | { file: string; outcome: 'rejected'; reason: string; line?: number; field?: string }
  | { file: string; outcome: 'ignored'; reason: string };

export interface NewNameReport {
  name: string;
  type: string;
  files: string[];
}

export interface IngestReport {
  seedsDir: string;
  outDir: string;
  counts: { files: number; pages: number; duplicates: number; rejected: number; ignored: number };
  files: FileOutcome[];
  newNames: NewNameReport[];
  warnings: Warning[];
}

export function summarise(outcomes: FileOutcome[]): IngestReport['counts'] {
  const count = (kind: FileOutcome['outcome']) => outcomes.filter((o) => o.outcome === kind).length;
  return {
    files: outcomes.length,
    pages: count('page'),
    duplicates: count('duplicate'),
    rejected: count('rejected'),
    ignored: count('ignored'),
  };
}

/** One readable line per non-page outcome, plus the totals. */
export function formatReport(report: IngestReport): string {
  const lines: string[] = [];
  for (const o of report.files) {
    if (o.outcome === 'rejected') lines.push(`  rejected  ${o.file}: ${o.reason}`);
    else if (o.outcome === 'duplicate') lines.push(`  duplicate ${o.file}: same article as ${o.duplicateOf}`);
    else if (o.outcome === 'ignored') lines.push(`  ignored   ${o.file}: ${o.reason}`);
  }
  const c = report.counts;
  lines.push(
    `ingest: ${c.files} files → ${c.pages} pages, ${c.duplicates} duplicates, ${c.rejected} rejected, ${c.ignored} ignored` +
      (report.newNames.length ? `; ${report.newNames.length} new names to review` : ''),
  );
  return lines.join('\n');
}
