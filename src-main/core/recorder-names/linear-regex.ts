import { RE2JS } from 're2js';

/** Named groups of one match, or null when the text does not match. */
export type GroupMatcher = (text: string) => Record<string, string | undefined> | null;

/**
 * An administrator's pattern, run by re2js: RE2 matches in time linear in the text whatever the
 * pattern, so a pattern like `(a+)+` cannot freeze the station on a long name as JavaScript's
 * backtracking engine would. The price is RE2's syntax: no backreferences and no lookaround.
 * Throws with RE2's reason when the pattern is not one it can run.
 */
export function compileLinear(source: string): { matcher: GroupMatcher; groupNames: string[] } {
  const pattern = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  const groupNames = Object.keys(pattern.namedGroups());
  const matcher: GroupMatcher = (text) => {
    const match = pattern.matcher(text);
    if (!match.find()) return null;
    return Object.fromEntries(groupNames.map((name) => [name, match.group(name) ?? undefined]));
  };
  return { matcher, groupNames };
}
