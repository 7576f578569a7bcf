// Schema descriptions that error messages recognise. Kept apart from the TypeBox schemas so
// that reading a library never loads TypeBox (its ~200 modules cost a tenth of a second).

/** Marks a text that must not be blank: the error says "must not be blank". */
export const NOT_BLANK = 'not blank';

/** Marks a semantic version: the error's rule is invalid-semver. */
export const SEMVER = 'a semantic version such as 1.2.0';
