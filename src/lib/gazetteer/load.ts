/**
 * Reads the five gazetteer JSON files (weapons, countries, people, organizations, outlets) from
 * src/data/gazetteer. The only module of the entity/delivery stages that touches the file system.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CompiledGazetteer, Gazetteer } from './types.ts';
import { compileGazetteer } from './compile.ts';

export const GAZETTEER_FILES = ['weapons', 'countries', 'people', 'organizations', 'outlets'] as const;

export const DEFAULT_GAZETTEER_DIR = path.resolve(import.meta.dirname, '../../data/gazetteer');

function readList(dir: string, name: string): unknown[] {
  const file = path.join(dir, `${name}.json`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`Gazetteer file ${file} cannot be read: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`Gazetteer file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  // Accept a bare array or an object wrapping it ({ "weapons": [...] }).
  if (!Array.isArray(parsed) && parsed && typeof parsed === 'object' && Array.isArray((parsed as Record<string, unknown>)[name])) {
    parsed = (parsed as Record<string, unknown>)[name];
  }
  if (!Array.isArray(parsed)) throw new Error(`Gazetteer file ${file} must contain a JSON array of ${name}`);
  parsed.forEach((entry, i) => {
    if (!entry || typeof entry !== 'object') throw new Error(`Gazetteer file ${file}: entry ${i} is not an object`);
    const e = entry as Record<string, unknown>;
    if (typeof e.id !== 'string' || !e.id) throw new Error(`Gazetteer file ${file}: entry ${i} has no string "id"`);
    if (typeof e.name !== 'string' || !e.name) throw new Error(`Gazetteer file ${file}: entry "${e.id}" has no string "name"`);
    for (const field of ['aliases', 'variants', 'adjectives', 'surnames', 'domains', 'metonyms', 'compoundPrefixes']) {
      if (e[field] !== undefined && !(Array.isArray(e[field]) && (e[field] as unknown[]).every((x) => typeof x === 'string'))) {
        throw new Error(`Gazetteer file ${file}: entry "${e.id}" field "${field}" must be an array of strings`);
      }
    }
  });
  return parsed;
}

/** Loads the raw gazetteer from `dir` (default: src/data/gazetteer). Errors name the offending file. */
export function loadGazetteer(dir: string = DEFAULT_GAZETTEER_DIR): Gazetteer {
  const [weapons, countries, people, organizations, outlets] = GAZETTEER_FILES.map((name) => readList(dir, name));
  return { weapons, countries, people, organizations, outlets } as Gazetteer;
}

let memo: CompiledGazetteer | null = null;

/** The default gazetteer, loaded and compiled once per process. */
export function getDefaultCompiledGazetteer(): CompiledGazetteer {
  memo ??= compileGazetteer(loadGazetteer());
  return memo;
}
