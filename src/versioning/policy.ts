import semver from 'semver';

/**
 * The versioning policy (docs/versioning.md), as mechanical rules: each kind of change
 * needs at least a level of version bump; a version never goes down.
 */
export type Level = 'none' | 'patch' | 'minor' | 'major';

export const levels: readonly Level[] = ['none', 'patch', 'minor', 'major'];

export function rank(level: Level): number {
  return levels.indexOf(level);
}

export function maxLevel(...values: Level[]): Level {
  return values.reduce<Level>((a, b) => (rank(b) > rank(a) ? b : a), 'none');
}

/** One change and the bump it needs. */
export interface Reason {
  level: Level;
  message: string;
}

export function requiredLevel(reasons: readonly Reason[]): Level {
  return maxLevel(...reasons.map((r) => r.level));
}

/** What happened to a version: which part rose, or that it went down. */
export type Bump = Level | 'down';

/**
 * ok: the bump is at least the level needed; not-bumped: a change with the same version;
 * too-small: a bump below the level needed; decreased: the version went down.
 */
export type Verdict = 'ok' | 'not-bumped' | 'too-small' | 'decreased';

export interface VersionCheck {
  from: string;
  to: string;
  bump: Bump;
  required: Level;
  /** Every change that needs a bump, largest first. */
  reasons: Reason[];
  verdict: Verdict;
  /**
   * Before 1.0.0, or from a pre-release, semver promises nothing: any higher version
   * matches the policy, and `required` is advice.
   */
  unstable: boolean;
}

/** The part of the version that rose: 1.2.3 → 1.3.0 is minor. Pre-release steps count as patch. */
export function bumpOf(from: string, to: string): Bump {
  const order = semver.compare(to, from);
  if (order < 0) return 'down';
  if (order === 0) return 'none';
  if (semver.major(to) > semver.major(from)) return 'major';
  if (semver.minor(to) > semver.minor(from)) return 'minor';
  return 'patch';
}

/** Is this a version whose next version may change anything (0.y.z, or a pre-release)? */
export function isUnstable(version: string): boolean {
  return semver.major(version) === 0 || semver.prerelease(version) !== null;
}

export function checkVersion(from: string, to: string, reasons: readonly Reason[]): VersionCheck {
  const sorted = [...reasons].sort((a, b) => rank(b.level) - rank(a.level));
  const required = requiredLevel(sorted);
  const bump = bumpOf(from, to);
  const unstable = isUnstable(from);
  let verdict: Verdict;
  if (bump === 'down') verdict = 'decreased';
  else if (bump === 'none') verdict = required === 'none' ? 'ok' : 'not-bumped';
  else if (unstable || rank(bump) >= rank(required)) verdict = 'ok';
  else verdict = 'too-small';
  return { from, to, bump, required, reasons: sorted, verdict, unstable };
}

/** "1.0.1 for a correction, 1.1.0 for a new duty …": the choices a person has after `version`. */
export function nextVersions(version: string): string {
  if (isUnstable(version)) {
    const next = semver.inc(version, semver.prerelease(version) ? 'prerelease' : 'patch');
    return `such as ${next} or ${semver.inc(version, 'minor')} (before 1.0.0, and after a pre-release, any higher version will do; see docs/versioning.md)`;
  }
  return `${semver.inc(version, 'patch')} for a correction, ${semver.inc(version, 'minor')} for a new duty or a wider condition, ${semver.inc(version, 'major')} for a removed duty or a narrower condition (see docs/versioning.md)`;
}
