import { answers } from './answers.js';
import { build } from './build.js';
import { common } from './common.js';
import { inLanguage, messageLanguage, type InLanguage } from './define.js';
import { explain } from './explain.js';
import { files } from './files.js';
import { interview } from './interview.js';
import { into } from './into.js';
import { redline } from './redline.js';
import { serve } from './serve.js';
import { verify } from './verify.js';

export { count, messageLanguage, messageLanguages, speaks, type MessageLanguage } from './define.js';

/**
 * clausula's own messages — everything an officer reads from interview, serve, build,
 * explain and verify, and the words of the redline lawyers review — in Catalan, Spanish
 * and English. One place per message, the three languages side by side
 * (src/text/messages/<area>.ts); a command takes them with
 * `messages(language).<area>.<name>`.
 */
const catalogue = { common, files, answers, interview, build, into, explain, verify, redline, serve };

export type Messages = { readonly [A in keyof typeof catalogue]: InLanguage<(typeof catalogue)[A]> };
export type InterviewMessages = Messages['interview'];

const cache = new Map<string, Messages>();

/** The messages in a language: ca, es or en (any other language, or a regional one, falls back to its primary language, else English). */
export function messages(language: string | undefined): Messages {
  const lang = messageLanguage(language);
  let found = cache.get(lang);
  if (!found) {
    found = Object.fromEntries(Object.entries(catalogue).map(([name, area]) => [name, inLanguage(area, lang)])) as unknown as Messages;
    cache.set(lang, found);
  }
  return found;
}
