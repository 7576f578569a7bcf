/**
 * Standard output that cannot be written (a full disk, a quota, a broken device): what to
 * tell the user. Shared by the process entry (src/cli/run.ts), which must stay light, and by
 * the commands that wait for their output before saying it was written; so no imports.
 */

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file has grown too large',
  EIO: 'an input/output error of the device',
  EAGAIN: 'the output would block',
};

export function outputFailure(error: unknown): { message: string; fix: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = (code !== undefined && REASONS[code]) || (error instanceof Error ? error.message : String(error));
  return {
    message: `cannot write to standard output: ${reason}${code !== undefined && REASONS[code] ? ` (${code})` : ''}; what was written there is incomplete`,
    fix: 'free some space where the output goes, or write to a file with -o FILE on a disk that has room',
  };
}
