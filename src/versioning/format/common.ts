import type { ChalkInstance } from 'chalk';
import type { LibraryDiff } from '../compare-libraries.js';
import type { VersionCheck } from '../policy.js';

export interface DiffFormatOptions {
  /** A chalk instance at the level the terminal allows (level 0 when colour is off). */
  chalk: ChalkInstance;
}

/** A formatter turns a comparison into the text a person or a program reads. Pure. */
export type DiffFormatter = (diff: LibraryDiff, options: DiffFormatOptions) => string;

const LANGUAGE_NAMES: Record<string, string> = {
  ca: 'Català',
  es: 'Español',
  en: 'English',
  eu: 'Euskara',
  gl: 'Galego',
  fr: 'Français',
  de: 'Deutsch',
  it: 'Italiano',
  pt: 'Português',
  nl: 'Nederlands',
};

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code;
}

/** "1.0.0 → 1.1.0 (minor)", "1.0.0 → 0.9.0 (down)" or "1.0.0 (unchanged)". */
export function describeBump(check: VersionCheck): string {
  if (check.bump === 'none') return `${check.from} (unchanged)`;
  return `${check.from} → ${check.to} (${check.bump === 'down' ? 'lower' : check.bump})`;
}

/** What the policy says about a bump, in words. */
export function describeVerdict(check: VersionCheck): string {
  switch (check.verdict) {
    case 'decreased':
      return 'the version went down';
    case 'not-bumped':
      return `not bumped: needs a ${check.required} version`;
    case 'too-small':
      return `too small: needs a ${check.required} version`;
    case 'ok':
      if (check.required === 'none') return check.bump === 'none' ? 'no new version needed' : 'matches the policy';
      if (check.unstable && rankOf(check.bump) < rankOf(check.required)) return `matches the policy (before 1.0.0 or after a pre-release any higher version will do; a ${check.required} change)`;
      return `matches the policy (needs ${check.required})`;
  }
}

function rankOf(bump: VersionCheck['bump']): number {
  return ['down', 'none', 'patch', 'minor', 'major'].indexOf(bump);
}

export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

export function summaryLine(diff: LibraryDiff): string {
  if (diff.mismatches === 0) return 'every version change matches the versioning policy (docs/versioning.md)';
  return `${plural(diff.mismatches, 'version change does', 'version changes do')} not match the versioning policy (docs/versioning.md)`;
}
