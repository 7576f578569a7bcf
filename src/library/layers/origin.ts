import { isOwn, layerOf, type Library } from '../model.js';

/**
 * Where a clause of a library comes from: the library's own files (a clause it adds, or one
 * it adapts from the base), or a base it inherits the clause from unchanged.
 */
export type ClauseOrigin =
  | { kind: 'own'; layer: string; release: string }
  | { kind: 'adapted'; layer: string; release: string; base: string; baseVersion: string; overrides: string | null }
  | { kind: 'inherited'; layer: string; release: string };

/** Undefined for a clause the library does not have. */
export function clauseOrigin(library: Library, id: string): ClauseOrigin | undefined {
  const clause = library.clauseById.get(id);
  if (!clause) return undefined;
  const release = layerOf(library, clause)?.release ?? clause.layer;
  if (!isOwn(library, clause)) return { kind: 'inherited', layer: clause.layer, release };
  const upstream = library.base?.clauseById.get(id);
  if (!upstream) return { kind: 'own', layer: clause.layer, release };
  return { kind: 'adapted', layer: clause.layer, release, base: layerOf(library.base!, upstream)?.release ?? upstream.layer, baseVersion: upstream.value.version, overrides: clause.value.overrides ?? null };
}

/** The origin in a few words, for maintainers' commands: "adapted by city-lib@1.0.0 from fixture-lib@1.1.0 (base clause 1.1.0, adapted from 1.0.0)". */
export function originWords(origin: ClauseOrigin): string {
  switch (origin.kind) {
    case 'own':
      return `added by ${origin.release}`;
    case 'inherited':
      return `from the base ${origin.release}`;
    case 'adapted':
      return `adapted by ${origin.release} from ${origin.base} (base clause ${origin.baseVersion}${origin.overrides !== origin.baseVersion ? `, adapted from ${origin.overrides ?? 'an unnamed version'}` : ''})`;
  }
}
