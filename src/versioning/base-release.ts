import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import semver from 'semver';
import type { Layer } from '../library/model.js';
import { extractLibrary, hasLibraryAt, repositoryOf, resolveCommit, tagsOf, type Repository } from './git-revision.js';
import { fetchPackage } from './npm-release.js';

/** A release of a base, found as a folder to read: the base's own folder, or one made for it (removed by the caller). */
export interface FoundRelease {
  dir: string;
  /** How it was found, for the report: "../bcn-data-clauses", "git tag v2.1.0 of ../bcn-data-clauses", "npm bcn-data-clauses@2.1.0". */
  source: string;
  /** A folder made for it, for the caller to remove. */
  temporary?: string;
}

/** The names a release is tagged with in a library's repository: v2.1.0, 2.1.0, bcn-data-clauses@2.1.0, bcn-data-clauses-v2.1.0. */
function tagNames(id: string, version: string): string[] {
  return [`v${version}`, version, `${id}@${version}`, `${id}-v${version}`];
}

/** The version a tag names for this library, if it is one of the forms above. */
function versionOfTag(id: string, tag: string): string | undefined {
  const bare = tag.startsWith(`${id}@`) ? tag.slice(id.length + 1) : tag.startsWith(`${id}-v`) ? tag.slice(id.length + 2) : tag.startsWith('v') ? tag.slice(1) : tag;
  return semver.valid(bare) ?? undefined;
}

interface BaseRepo {
  repo: Repository;
  /** The base's folder inside the repository. */
  path: string;
}

function baseRepo(layer: Layer): BaseRepo | undefined {
  const repo = repositoryOf(layer.dir);
  return repo ? { repo, path: repo.prefix } : undefined;
}

/**
 * A release of the base a layer names: its own folder when it is at that version; else the
 * release tagged in the git repository the base's folder is in (read without touching the
 * checkout); else, for a base installed from npm, the package fetched with npm (run with
 * `env`: the user's npm settings) — `lockedPackage`, the package release clauses.lock.yaml
 * recorded for it (`clausula@0.1.0` for the library clausula ships, whose package version is
 * not the library's), or else the package of that version. Undefined when none has it.
 */
export function findRelease(layer: Layer, version: string, shown: string, env: Readonly<Record<string, string | undefined>>, lockedPackage?: string): FoundRelease | undefined {
  if (layer.version === version) return { dir: layer.dir, source: shown };
  const git = baseRepo(layer);
  if (git) {
    for (const tag of tagNames(layer.id, version)) {
      const commit = resolveCommit(git.repo, tag);
      if (!commit || !hasLibraryAt(git.repo, commit, git.path)) continue;
      const dir = mkdtempSync(join(tmpdir(), 'clausula-release-'));
      extractLibrary(git.repo, commit, git.path, dir);
      return { dir, source: `git tag ${tag} of ${shown}`, temporary: dir };
    }
  }
  if (lockedPackage !== undefined && (layer.found?.kind === 'package' || layer.found?.kind === 'shipped')) {
    const at = lockedPackage.lastIndexOf('@');
    const fetched = fetchPackage(lockedPackage.slice(0, at), lockedPackage.slice(at + 1), env);
    return { dir: fetched.dir, source: `npm ${lockedPackage}`, temporary: fetched.temporary };
  }
  if (layer.found?.kind === 'package' && layer.found.from !== undefined) {
    const fetched = fetchPackage(layer.found.from, version, env);
    return { dir: fetched.dir, source: `npm ${layer.found.from}@${version}`, temporary: fetched.temporary };
  }
  return undefined;
}

/** The releases of the base its git repository has tags for, newest first. */
export function taggedReleases(layer: Layer): string[] {
  const git = baseRepo(layer);
  if (!git) return [];
  const versions = new Set<string>();
  for (const tag of tagsOf(git.repo)) {
    const v = versionOfTag(layer.id, tag);
    if (v !== undefined) versions.add(v);
  }
  return [...versions].sort(semver.rcompare);
}
