import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import { stopWriting, writeFileSafely } from '../../src/write/write-file.js';
import { testdir } from '../helpers/testdir.js';

/**
 * What the SIGINT/SIGTERM handler (src/cli/run.ts) relies on, in-process: stopWriting waits
 * for the writes under way and leaves no temporary file; after it, nothing more is written.
 * (End to end, with real signals: interrupts.test.ts.) The writer's state is per process, and
 * vitest gives each test file its own, so stopping it here stops nothing elsewhere.
 */
describe('stopping the writer', () => {
  test('a write that has not yet created its temporary file gives up; later writes are refused', async () => {
    const dir = testdir();
    const write = writeFileSafely(join(dir, 'out.docx'), Buffer.alloc(1 << 20, 1), { display: 'out.docx' });
    const outcome = write.then(
      () => 'written',
      (error: unknown) => error,
    );
    await stopWriting();
    const result = await outcome;
    expect(result).toBeInstanceOf(InterruptedError);
    expect((result as InterruptedError).message).toBe('interrupted: out.docx was not written');
    expect((result as InterruptedError).exitCode).toBe(130);
    expect(readdirSync(dir)).toEqual([]);

    await expect(writeFileSafely(join(dir, 'later.md'), 'text')).rejects.toThrow('interrupted: ');
    expect(readdirSync(dir)).toEqual([]);
    // Nothing under way: it resolves at once.
    await stopWriting();
  });
});
