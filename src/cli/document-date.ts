import { UsageError } from '../errors.js';

/**
 * The date documents carry: SOURCE_DATE_EPOCH (seconds since 1970, as reproducible
 * builds set it) when given, else now.
 */
export function documentDate(env: Readonly<Record<string, string | undefined>>, now: () => Date = () => new Date()): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return now();
  if (!/^\d{1,12}$/.test(epoch.trim())) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not "${epoch}"`, 'set it with SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it to use the current date');
  }
  return new Date(Number(epoch.trim()) * 1000);
}
