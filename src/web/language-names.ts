/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = { ca: 'Català', es: 'Español', en: 'English', fr: 'Français', pt: 'Português', eu: 'Euskara', gl: 'Galego', it: 'Italiano', de: 'Deutsch' };
