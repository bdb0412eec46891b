import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Evidence, Scenario } from './types.js';
import type { Issue } from './issues.js';

/** One evidence item with the field path it is attached to. */
export interface EvidenceAt {
  path: (string | number)[];
  evidence: Evidence;
}

/** Every evidence item in a scenario with its path, in document order. */
export function listEvidence(s: Scenario): EvidenceAt[] {
  const out: EvidenceAt[] = [];
  const add = (path: (string | number)[], ev: Evidence[]) => ev.forEach((e, j) => out.push({ path: [...path, 'evidence', j], evidence: e }));
  s.actors.forEach((a, i) => {
    add(['actors', i, 'capability'], a.capability.evidence);
    for (const d of s.dimensions) {
      add(['actors', i, 'position', d.id], a.position[d.id].evidence);
      add(['actors', i, 'salience', d.id], a.salience[d.id].evidence);
    }
  });
  s.shocks.forEach((sh, i) => add(['shocks', i], sh.evidence));
  return out;
}

/** Folds whitespace and typographic quote marks/apostrophes so quotes match their source regardless of them. */
export function normaliseQuoteText(t: string): string {
  return t
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface QuoteCheck {
  verified: number;
  /** Quotes whose source has no text file to check against. */
  unchecked: number;
  issues: { path: (string | number)[]; message: string }[];
}

/**
 * Verifies that every evidence quote occurs in its source's text file (looked up in `dir`), ignoring
 * differences of whitespace and quote marks.
 */
export function checkQuotes(s: Scenario, dir: string): QuoteCheck {
  const texts = new Map<string, string | Issue>();
  const reported = new Set<string>();
  const result: QuoteCheck = { verified: 0, unchecked: 0, issues: [] };
  for (const { path, evidence } of listEvidence(s)) {
    if (evidence.quote === undefined || evidence.source === undefined) continue;
    const src = s.sources.find((x) => x.id === evidence.source);
    if (!src?.file) {
      result.unchecked++;
      continue;
    }
    if (!texts.has(src.id)) {
      try {
        texts.set(src.id, normaliseQuoteText(readFileSync(join(dir, src.file), 'utf8')));
      } catch {
        texts.set(src.id, { message: `source file "${src.file}" not found in ${dir}` });
      }
    }
    const text = texts.get(src.id)!;
    if (typeof text !== 'string') {
      // One message per missing source file, at its first citation.
      if (!reported.has(src.id)) result.issues.push({ path: [...path, 'source'], message: text.message });
      reported.add(src.id);
    }
    else if (text.includes(normaliseQuoteText(evidence.quote))) result.verified++;
    else result.issues.push({ path: [...path, 'quote'], message: `quote not found in source "${src.id}" (${src.file}): "${evidence.quote}"` });
  }
  return result;
}
