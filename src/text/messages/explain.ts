import { m } from './define.js';

/** `explain`: why each clause is in or out. */
export const explain = {
  selected: m({
    en: (n: number, total: number) => `${n} of ${total} clauses selected`,
    es: (n, total) => `${n} de ${total} cláusulas seleccionadas`,
    ca: (n, total) => `${n} de ${total} clàusules seleccionades`,
  }),
  inMark: m({ en: 'in ', es: 'sí ', ca: 'sí ' }),
  outMark: m({ en: 'out', es: 'no ', ca: 'no ' }),
  always: m({ en: 'no condition: always applies', es: 'sin condición: se aplica siempre', ca: "sense condició: s'aplica sempre" }),
  holds: m({ en: 'the condition holds', es: 'la condición se cumple', ca: 'la condició es compleix' }),
  doesNotHold: m({ en: 'the condition does not hold', es: 'la condición no se cumple', ca: 'la condició no es compleix' }),
  requiredBy: m({ en: (ids: string) => `required by ${ids}`, es: (ids) => `la exige ${ids}`, ca: (ids) => `l'exigeix ${ids}` }),
  excludedBy: m({ en: (ids: string) => `excluded by ${ids}`, es: (ids) => `la excluye ${ids}`, ca: (ids) => `l'exclou ${ids}` }),
  draft: m({
    en: 'draft: not used in tenders (use --include-drafts to review it)',
    es: 'borrador: no se usa en licitaciones (use --include-drafts para revisarla)',
    ca: "esborrany: no s'usa en licitacions (useu --include-drafts per revisar-la)",
  }),
  deprecated: m({ en: 'deprecated', es: 'obsoleta', ca: 'obsoleta' }),
  statuses: m({
    en: { draft: 'a draft', deprecated: 'deprecated', approved: 'approved' },
    es: { draft: 'un borrador', deprecated: 'obsoleta', approved: 'aprobada' },
    ca: { draft: 'un esborrany', deprecated: 'obsoleta', approved: 'aprovada' },
  }),
  supersededBy: m({ en: (id: string) => `deprecated, superseded by ${id}`, es: (id) => `obsoleta, sustituida por ${id}`, ca: (id) => `obsoleta, substituïda per ${id}` }),
  invalidCondition: m({
    en: (message: string, lint: string) => `the condition does not parse (${message}); run ${lint}`,
    es: (message, lint) => `la condición no se puede leer (${message}); ejecute ${lint}`,
    ca: (message, lint) => `la condició no es pot llegir (${message}); executeu ${lint}`,
  }),
  when: m({ en: 'when:', es: 'cuándo:', ca: 'quan:' }),
  passages: m({ en: 'passages under their own condition:', es: 'fragmentos con condición propia:', ca: 'fragments amb condició pròpia:' }),
  defines: m({
    en: (term: string) => `defines "${term}": printed only where the document uses it`,
    es: (term) => `define «${term}»: solo se imprime si el documento usa el término`,
    ca: (term) => `defineix «${term}»: només s'imprimeix si el document fa servir el terme`,
  }),
  leftOut: m({ en: '(left out)', es: '(queda fuera)', ca: '(queda fora)' }),
  over: m({ en: (bases: string) => ` over ${bases}`, es: (bases) => ` sobre ${bases}`, ca: (bases) => ` sobre ${bases}` }),
  /** The connectives of a condition's evaluation, one line each: `and`, `or`, `not`. */
  connectives: m({
    en: { and: 'and', or: 'or', not: 'not' },
    es: { and: 'y', or: 'o', not: 'no' },
    ca: { and: 'i', or: 'o', not: 'no' },
  }),
  ownClause: m({ en: (release: string) => `added by ${release}`, es: (release) => `añadida por ${release}`, ca: (release) => `afegida per ${release}` }),
  inheritedClause: m({ en: (release: string) => `from the base ${release}`, es: (release) => `de la base ${release}`, ca: (release) => `de la base ${release}` }),
  adaptedClause: m({
    en: (release: string, base: string, baseVersion: string, from: string | undefined) =>
      `adapted by ${release} from ${base} (base clause ${baseVersion}${from === baseVersion ? '' : `, adapted from ${from ?? 'an unnamed version'}`})`,
    es: (release, base, baseVersion, from) =>
      `adaptada por ${release} a partir de ${base} (cláusula de la base ${baseVersion}${from === baseVersion ? '' : `, adaptada de la ${from ?? 'versión sin indicar'}`})`,
    ca: (release, base, baseVersion, from) =>
      `adaptada per ${release} a partir de ${base} (clàusula de la base ${baseVersion}${from === baseVersion ? '' : `, adaptada de la ${from ?? 'versió sense indicar'}`})`,
  }),
  document: m({ en: 'document:', es: 'documento:', ca: 'document:' }),
  inNoDocument: m({ en: 'no document has a place for it', es: 'ningún documento la recoge', ca: 'cap document no la recull' }),
  true: m({ en: 'true', es: 'sí', ca: 'sí' }),
  false: m({ en: 'false', es: 'no', ca: 'no' }),
  notNeeded: m({ en: 'not needed', es: 'no hace falta', ca: 'no cal' }),
  notAnswered: m({ en: 'not answered', es: 'sin respuesta', ca: 'sense resposta' }),
  conflict: m({ en: (text: string) => `conflict: ${text}`, es: (text) => `conflicto: ${text}`, ca: (text) => `conflicte: ${text}` }),
  contradiction: m({
    en: (text: string) => `contradicting answers: ${text}`,
    es: (text) => `respuestas contradictorias: ${text}`,
    ca: (text) => `respostes contradictòries: ${text}`,
  }),
};
