/**
 * The library `clausula init DIR --extends LIBRARY` writes: a layer over a base, holding
 * nothing of its own yet — its manifest, naming the base and the releases it accepts, with
 * the ways to adapt the base written out as comments. The lock is added once the new
 * library can be read over its base (it records the base release).
 */

const TITLE: Record<string, string> = { en: 'Data clauses', es: 'Cláusulas de datos', ca: 'Clàusules de dades' };

export interface LayerStart {
  id: string;
  /** The base's id and release, and `extends.from` as it should be written (undefined: the shipped library). */
  base: { id: string; version: string; from: string | undefined; languages: readonly string[] };
  /** Languages to narrow to, when not all the base's. */
  languages?: readonly string[];
}

export const LAYER_STARTER_VERSION = '0.1.0';

export function layerStarter(start: LayerStart): Record<string, string> {
  const languages = start.languages ?? start.base.languages;
  const title = languages.map((l) => `  ${l}: ${JSON.stringify(TITLE[l] ?? TITLE.en)}`).join('\n');
  const from = start.base.from === undefined ? '' : `\n  from: ${yamlScalar(start.base.from)}`;
  const narrowed = start.languages ? `\nlanguages: [${start.languages.join(', ')}]` : '';
  return {
    'clauses/library.yaml': `# yaml-language-server: $schema=../schemas/library.schema.json
#
# A clause library over the shared base ${start.base.id}: it holds only what it adds, adapts
# or leaves out. See docs/library-format.md ("A library over a base").
id: ${start.id}
title:
${title}
version: ${LAYER_STARTER_VERSION}${narrowed}
extends:
  library: ${start.base.id}
  version: ${yamlScalar(`^${start.base.version}`)}   # the base releases this library accepts${from}
#
# To leave a base clause, question or template out, say why:
# exclude:
#   - { id: ai.algorithm-register, reason: "The city keeps its own register clause." }
#
# To add a clause, write it under clauses/<category>/ with an id of its own. To adapt a
# base clause, copy the base's clauses/<category>/<name>.yaml to the same place here, edit
# it, and add next to its version
#   overrides: <the version of the base clause it adapts>
# New questions, a changed default or another option: clauses/questions.yaml.
`,
  };
}

/** A scalar that YAML reads back as the same string (a range such as ^2.0.0 is plain; @scope/name needs quotes). */
function yamlScalar(value: string): string {
  return /^[A-Za-z0-9._^~/-][A-Za-z0-9._^~/ <>=|-]*$/.test(value) && !/[: #]$/.test(value) ? value : JSON.stringify(value);
}
