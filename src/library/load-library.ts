import { resolve } from 'node:path';
import type { Library } from './model.js';
import { extendBase, type ChainLink } from './layers/extend-base.js';
import { standaloneLibrary } from './layers/standalone.js';
import { readLayerFiles } from './read-layer.js';

export { LIBRARY_FILE, QUESTIONS_FILE, LOCK_FILE, SCENARIOS_DIR, TEMPLATES_DIR, clauseFileFor, clauseIdForFile, yamlFilesUnder, type LayerFiles } from './read-layer.js';

/**
 * Read a library folder: every file parsed once, checked against its schema, and — for a
 * library that extends a base — merged over its base, so that every command sees one
 * library whose every item knows the layer it comes from (src/library/layers/).
 * Never throws for bad content: problems become findings. Throws InputError only when the
 * folder itself is not a library.
 */
export function loadLibrary(dirInput: string, display: string = dirInput, options: LoadOptions = {}): Library {
  return loadChain(resolve(dirInput), display, [], options.baseFrom === undefined ? undefined : resolve(options.baseFrom));
}

export interface LoadOptions {
  /**
   * The folder `extends.from` is resolved from, when it is not the library's own: a release
   * of a base read out of git or npm into a temporary folder finds its own base where the
   * base's folder would.
   */
  baseFrom?: string;
}

/** Load a library with the libraries that extend it (`above`, nearest last), to find cycles and conflicts. */
function loadChain(dir: string, display: string, above: readonly ChainLink[], baseFrom?: string): Library {
  const files = readLayerFiles(dir, display);
  const manifest = files.manifest?.value;
  if (!manifest?.extends) return standaloneLibrary(files);
  return extendBase(files, manifest.extends, above, (baseDir, chain) => loadChain(baseDir, baseDir, chain), baseFrom);
}

