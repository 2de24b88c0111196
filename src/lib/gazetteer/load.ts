/**
 * The one gazetteer loader, strict, shared by extraction and the site: every file of
 * src/data/gazetteer is validated with its Zod schema (schema.ts); an error names the file, the
 * entry and the field. The project's own files are imported as JSON modules (so the loader works
 * the same in Node and in Astro's bundle, whatever the working directory); a test or tool may load
 * another folder, which is then read from disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import weapons from '../../data/gazetteer/weapons.json' with { type: 'json' };
import countries from '../../data/gazetteer/countries.json' with { type: 'json' };
import people from '../../data/gazetteer/people.json' with { type: 'json' };
import organizations from '../../data/gazetteer/organizations.json' with { type: 'json' };
import outlets from '../../data/gazetteer/outlets.json' with { type: 'json' };
import type { CompiledGazetteer, Gazetteer } from './types.ts';
import { GAZETTEER_FILES, GAZETTEER_SCHEMAS, type GazetteerFile } from './schema.ts';
import { compileGazetteer } from './compile.ts';

export { GAZETTEER_FILES };

const BUILT_IN: Record<GazetteerFile, unknown> = { weapons, countries, people, organizations, outlets };

/** The file's entries, validated; throws an error naming the file, entry and field. */
function validate<F extends GazetteerFile>(name: F, data: unknown, file: string): Gazetteer[F] {
  const result = GAZETTEER_SCHEMAS[name].safeParse(data);
  if (result.success) return result.data as Gazetteer[F];
  const problems = result.error.issues.slice(0, 5).map((issue) => describeIssue(issue, data));
  const more = result.error.issues.length > 5 ? ` (and ${result.error.issues.length - 5} more)` : '';
  throw new Error(`Gazetteer file ${file}: ${problems.join('; ')}${more}`);
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const [index, ...field] = issue.path;
  if (typeof index !== 'number') return issue.message;
  const entry = Array.isArray(data) ? (data[index] as { id?: unknown } | null) : null;
  const label = entry && typeof entry.id === 'string' ? `entry "${entry.id}"` : `entry ${index}`;
  return field.length ? `${label} field "${field.join('.')}": ${issue.message}` : `${label}: ${issue.message}`;
}

function readFile(dir: string, name: GazetteerFile): unknown {
  const file = path.join(dir, `${name}.json`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`Gazetteer file ${file} cannot be read: ${(err as Error).message}`, { cause: err });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`Gazetteer file ${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}

function load(source: (name: GazetteerFile) => unknown, fileName: (name: GazetteerFile) => string): Gazetteer {
  return {
    weapons: validate('weapons', source('weapons'), fileName('weapons')),
    countries: validate('countries', source('countries'), fileName('countries')),
    people: validate('people', source('people'), fileName('people')),
    organizations: validate('organizations', source('organizations'), fileName('organizations')),
    outlets: validate('outlets', source('outlets'), fileName('outlets')),
  };
}

/**
 * The raw gazetteer, validated: the project's own (src/data/gazetteer) by default, or the five
 * files of `dir`. Errors name the offending file, entry and field.
 */
export function loadGazetteer(dir?: string): Gazetteer {
  if (dir === undefined)
    return load(
      (name) => BUILT_IN[name],
      (name) => `src/data/gazetteer/${name}.json`,
    );
  return load(
    (name) => readFile(dir, name),
    (name) => path.join(dir, `${name}.json`),
  );
}

let memo: CompiledGazetteer | null = null;

/** The project's gazetteer, validated and compiled once per process. */
export function getDefaultCompiledGazetteer(): CompiledGazetteer {
  memo ??= compileGazetteer(loadGazetteer());
  return memo;
}
