import { relative, sep } from 'node:path';
import semver from 'semver';
import { InputError } from '../../errors.js';
import type { Finding } from '../../finding.js';
import type { Extends } from '../../schema/library.js';
import type { BaseLink, Library } from '../model.js';
import { realpathOrSelf } from '../read-files.js';
import type { LayerFiles } from '../read-layer.js';
import { locate, shownFile, type PathSegment } from '../yaml-source.js';
import { mergeLayers, unmergedLibrary } from './merge-layers.js';
import { locateBase } from './resolve-base.js';

/** A library on the way down a chain of bases: what a cycle or a conflict is found by. */
export interface ChainLink {
  /** Its folder, links resolved. */
  real: string;
  id: string;
  version: string;
}

/**
 * A library that extends a base: find the base, load it (itself over its own bases), check
 * that it is the library and a release this one accepts, and merge this library over it.
 * Problems become findings at the position in clauses/library.yaml that causes them.
 */
export function extendBase(files: LayerFiles, ext: Extends, above: readonly ChainLink[], load: (dir: string, chain: readonly ChainLink[]) => Library, baseFrom: string = files.dir): Library {
  const manifest = files.manifest!;
  const findings: Finding[] = [];
  const report = (ruleId: string, path: PathSegment[], message: string, fix: string) =>
    findings.push({ ruleId, severity: 'error', file: shownFile(manifest.source), ...locate(manifest.source, path), message, fix });
  const fromPath: PathSegment[] = ext.from === undefined ? ['extends'] : ['extends', 'from'];

  const location = locateBase(baseFrom, ext.from);
  if ('problem' in location) {
    report('base-not-found', location.field === 'from' ? fromPath : ['extends', 'library'], location.problem, location.fix);
    return unmergedLibrary(files, findings);
  }

  const self: ChainLink = { real: realpathOrSelf(files.dir), id: manifest.value.id, version: manifest.value.version };
  const chain = [...above, self];
  const real = realpathOrSelf(location.dir);
  const again = chain.findIndex((l) => l.real === real);
  if (again !== -1) {
    const circle = [...chain.slice(again).map((l) => l.id), chain[again]!.id].join(' → ');
    report('base-cycle', fromPath, `the bases go round in a circle: ${circle}`, 'a library cannot extend itself, directly or through its bases: point extends at the shared base');
    return unmergedLibrary(files, findings);
  }

  let base: Library;
  try {
    base = load(location.dir, chain);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    report('base-not-found', fromPath, error.message, error.fix ?? 'give the folder or package that holds the base library');
    return unmergedLibrary(files, findings);
  }
  const prefix = relative(files.dir, location.dir).split(sep).join('/');
  const link: BaseLink = { from: ext.from, kind: location.kind, range: ext.version, ...(location.package !== undefined ? { package: location.package } : {}) };
  const baseManifest = base.manifest?.value;
  if (!baseManifest) {
    report('base-not-found', fromPath, `the base's ${shownBase(location.kind, ext.from)} clauses/library.yaml cannot be read`, 'correct the base library (clausula lint on it shows why), or point extends at another one');
    return unmergedLibrary(files, findings, base, prefix, link);
  }
  if (baseManifest.id !== ext.library) {
    report(
      'base-mismatch',
      ['extends', 'library'],
      `the base ${shownBase(location.kind, ext.from)} is the library ${baseManifest.id}, not ${ext.library}`,
      ext.from === undefined ? `the library clausula ships is ${baseManifest.id}: extend that, or give with from: where ${ext.library} is` : `write library: ${baseManifest.id}, or point from: at ${ext.library}`,
    );
    return unmergedLibrary(files, findings, base, prefix, link);
  }
  const twice = chain.find((l) => l.id === baseManifest.id);
  if (twice) {
    report(
      'base-conflict',
      ['extends', 'library'],
      `the chain of bases holds ${baseManifest.id} twice, at ${twice.version} and at ${baseManifest.version} ${shownBase(location.kind, ext.from)}`,
      'a chain names each library once: extend one release of it',
    );
    return unmergedLibrary(files, findings, base, prefix, link);
  }

  const range = semver.validRange(ext.version);
  if (range === null) {
    report('invalid-semver', ['extends', 'version'], `extends.version is "${ext.version}", which is not a range of versions`, 'write the releases accepted as npm does: ^2.0.0 (any 2.x from 2.0.0), ~2.1.0 (2.1.x) or 2.1.0 (exactly)');
  } else if (!semver.satisfies(baseManifest.version, range, { includePrerelease: true })) {
    report(
      'base-version',
      ['extends', 'version'],
      `the base ${baseManifest.id} is at ${baseManifest.version}, outside the releases this library accepts (${ext.version})`,
      semver.gtr(baseManifest.version, range)
        ? `review what ${baseManifest.version} changes (clausula upgrade --to ${baseManifest.version}), then accept it in extends.version`
        : `install a release in ${ext.version}, or accept ${baseManifest.version} in extends.version`,
    );
  }
  return mergeLayers(files, base, { prefix, link }, findings);
}

function shownBase(kind: BaseLink['kind'], from: string | undefined): string {
  if (kind === 'shipped') return '(the library clausula ships)';
  return kind === 'package' ? `(npm package ${from})` : `(${from})`;
}
