import { UsageError } from '../errors.js';
import { defaultLanguageOf, languagesOf, type Library } from '../library/model.js';

export interface LanguageSources {
  /** --lang */
  option: unknown;
  /** `language:` of the answers file being resumed. */
  file: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * The interview's language: --lang, else the answers file's, else the terminal's locale
 * (LC_ALL, LC_MESSAGES, LANG: ca_ES.UTF-8 → ca) when the library has it, else the
 * library's default.
 */
export function interviewLanguage(library: Library, sources: LanguageSources): string {
  const languages = languagesOf(library);
  const has = (l: string) => languages.length === 0 || languages.includes(l);
  if (sources.option !== undefined) {
    const l = String(sources.option);
    if (!has(l)) throw new UsageError(`the library has no ${l} texts`, `choose one of: ${languages.join(', ')}`);
    return l;
  }
  if (sources.file && has(sources.file)) return sources.file;
  for (const candidate of localeLanguages(sources.env)) if (languages.includes(candidate)) return candidate;
  return defaultLanguageOf(library);
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
