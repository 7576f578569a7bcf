import { InputError, UsageError } from '../errors.js';
import { defaultLanguageOf, languagesOf, type Library } from '../library/model.js';
import { messages, speaks } from '../text/messages/index.js';

export interface LanguageSources {
  /** --lang */
  option: unknown;
  /** `language:` of the answers file, and the file as messages name it. */
  file?: { language: string | undefined; display: string } | undefined;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Whether the terminal's locale may choose when neither --lang nor the file does: yes for
   * the interview (the officer at the keyboard), no for documents built from a file (the
   * library's default language, as for every officer who builds it).
   */
  useLocale: boolean;
}

/**
 * The language of the answers — of the documents and of every message the officer reads:
 * --lang, else the answers file's `language:`, else (interview) the locale when the library
 * has it, else the library's default. A `language:` the library has no texts for is an
 * error naming the file, never a silent switch to another language; so is such a --lang.
 */
export function answersLanguage(library: Library, sources: LanguageSources): string {
  const languages = languagesOf(library);
  const has = (l: string) => languages.length === 0 || languages.includes(l);
  if (sources.option !== undefined) {
    const l = String(sources.option);
    if (!has(l)) throw new UsageError(messages(l).common.noLanguage(l), messages(l).common.chooseOneOf(languages.join(', ')));
    return l;
  }
  const file = sources.file;
  if (file?.language !== undefined) {
    if (!has(file.language)) {
      const t = messages(speaks(file.language) ? file.language : messageLanguageBefore(library, sources.env)).answers;
      throw new InputError(t.unsupportedLanguage(file.display, file.language, languages.join(', ')), t.chooseLanguage(languages.join(', ')));
    }
    return file.language;
  }
  if (sources.useLocale) for (const candidate of localeLanguages(sources.env)) if (languages.includes(candidate)) return candidate;
  return defaultLanguageOf(library);
}

/**
 * The language to speak before the answers' language is known (an answers file that cannot
 * be read, a bad option): the locale's when clausula speaks it, else the library's default.
 */
export function messageLanguageBefore(library: Library | undefined, env: Readonly<Record<string, string | undefined>>): string {
  const locale = localeLanguages(env).find((l) => speaks(l));
  if (locale) return locale;
  return library ? defaultLanguageOf(library) : 'en';
}

/** Language codes the locale settings ask for, most specific first: pt_BR.UTF-8 → pt-BR, pt. */
export function localeLanguages(env: Readonly<Record<string, string | undefined>>): string[] {
  // The first variable that is set decides, as in POSIX; C and POSIX name no language.
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  const m = locale ? /^([a-z]{2,3})(?:[_-]([A-Za-z]{2}))?(?:[.@]|$)/.exec(locale) : null;
  if (!m) return [];
  const [, language, region] = m as unknown as [string, string, string | undefined];
  return region ? [`${language}-${region.toUpperCase()}`, language] : [language];
}
