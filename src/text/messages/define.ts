/** The languages clausula's own messages are written in. */
export const messageLanguages = ['ca', 'es', 'en'] as const;
export type MessageLanguage = (typeof messageLanguages)[number];

/** A message: fixed text, a function of its values, or a small table (key names, option words). */
export type Message = string | ((...values: never[]) => string) | Readonly<Record<string, string>>;

/** One message in every language, side by side, so a translation is read against the others. */
export type Translations<T extends Message> = { readonly ca: T; readonly es: T; readonly en: T };

/**
 * Declare a message. The first language's parameter types type the others, so
 * `m({ en: (file: string) => …, es: (file) => …, ca: (file) => … })` checks all three.
 */
export function m<T extends Message>(texts: Translations<T>): Translations<T extends string ? string : T> {
  return texts as Translations<T extends string ? string : T>;
}

/** An area of the catalogue: messages by name. */
export type Area = Readonly<Record<string, Translations<Message>>>;

/** An area's messages in one language. */
export type InLanguage<A extends Area> = { readonly [K in keyof A]: A[K] extends Translations<infer T> ? T : never };

export function inLanguage<A extends Area>(area: A, language: MessageLanguage): InLanguage<A> {
  return Object.fromEntries(Object.entries(area).map(([key, texts]) => [key, texts[language]])) as InLanguage<A>;
}

/**
 * The catalogue language for a language code: itself, its primary subtag (ca-ES → ca),
 * else English — the answers may be in a language the library has and clausula does not.
 */
export function messageLanguage(language: string | undefined): MessageLanguage {
  const primary = (language ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (messageLanguages as readonly string[]).includes(primary) ? (primary as MessageLanguage) : 'en';
}

/** Whether clausula speaks this language (its primary subtag) in its own messages. */
export function speaks(language: string | undefined): boolean {
  const primary = (language ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (messageLanguages as readonly string[]).includes(primary);
}

/** "one clause" / "3 clauses": a count with the word that goes with it. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
