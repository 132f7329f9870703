import { BUILT_IN_PATTERNS, type NamePattern } from './built-in-patterns.js';
import { compileLinear, type GroupMatcher } from './linear-regex.js';

export interface CompiledNamePattern {
  id: string;
  /** The named groups of a file name this pattern reads, or null. */
  groups: GroupMatcher;
}

const GROUPS = ['serial', 'officer', 'date', 'time', 'datetime', 'seq', 'imp'] as const;
const KNOWN_GROUPS = new Set<string>(GROUPS);

/** An administrator's file-name pattern that cannot be used, with the reason in plain words. */
export class NamePatternError extends Error {
  constructor(index: number, source: string, reason: string) {
    super(`Recorder file-name pattern ${index + 1} (${JSON.stringify(source)}) cannot be used: ${reason}`);
    this.name = 'NamePatternError';
  }
}

function missingGroups(names: Set<string>): string | null {
  if (!names.has('serial')) return 'it has no (?<serial>…) group';
  if (!names.has('datetime') && !(names.has('date') && names.has('time'))) {
    return 'it needs a (?<datetime>…) group, or both (?<date>…) and (?<time>…)';
  }
  return null;
}

function compileExtra(source: string, index: number): CompiledNamePattern {
  let compiled: ReturnType<typeof compileLinear>;
  try {
    // Case-insensitive like the built-in ones: vendors and card readers vary `.MP4`/`.mp4`, `IMP`/`imp`.
    compiled = compileLinear(source);
  } catch (error) {
    throw new NamePatternError(
      index,
      source,
      `it is not a valid regular expression for the station's linear-time matcher, which allows no backreferences and no lookaround (${(error as Error).message})`,
    );
  }
  const names = new Set(compiled.groupNames);
  const unknown = [...names].filter((name) => !KNOWN_GROUPS.has(name));
  if (unknown.length > 0) {
    throw new NamePatternError(index, source, `unknown group name ${unknown.map((n) => `"${n}"`).join(', ')} (known: ${GROUPS.join(', ')})`);
  }
  const missing = missingGroups(names);
  if (missing !== null) throw new NamePatternError(index, source, missing);
  return { id: `custom-${index + 1}`, groups: compiled.matcher };
}

// Our own patterns have no nested repetition, so JavaScript's faster engine cannot run away on them.
function compileBuiltIn(p: NamePattern): CompiledNamePattern {
  const regex = new RegExp(p.source, 'i');
  return { id: p.id, groups: (text) => regex.exec(text)?.groups ?? null };
}
const BUILT_IN = BUILT_IN_PATTERNS.map(compileBuiltIn);

/**
 * The built-in patterns followed by the administrator's, in order. Throws NamePatternError for the
 * first unusable extra pattern: call it when the settings are loaded, so a typo surfaces there and
 * not as names that silently stop matching during an ingest.
 */
export function compileNamePatterns(extra: readonly string[] = []): readonly CompiledNamePattern[] {
  return extra.length === 0 ? BUILT_IN : [...BUILT_IN, ...extra.map(compileExtra)];
}
