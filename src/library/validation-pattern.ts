import safeRegex from 'safe-regex2';

export type CompiledPattern = { ok: true; regex: RegExp } | { ok: false; message: string; fix?: string };

const compiled = new Map<string, CompiledPattern>();

/**
 * A question's validation pattern, ready to test answers with, or why it cannot be used.
 * Patterns come from libraries that may arrive in a stranger's pull request: a pattern with
 * nested repetition such as (a+)+ can take exponential time on a crafted answer and hang
 * lint in CI, so such patterns are refused (lint reports them) rather than run.
 */
export function compilePattern(pattern: string): CompiledPattern {
  let result = compiled.get(pattern);
  if (!result) {
    result = compile(pattern);
    compiled.set(pattern, result);
  }
  return result;
}

function compile(pattern: string): CompiledPattern {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch (error) {
    return { ok: false, message: `the pattern is not a valid regular expression: ${(error as Error).message}` };
  }
  if (!safeRegex(pattern)) {
    return {
      ok: false,
      message: 'the pattern repeats a repetition (such as (a+)+), which can take exponential time on some answers',
      fix: 'write it without a repeated group that itself repeats; the pattern is not applied until then',
    };
  }
  return { ok: true, regex };
}
