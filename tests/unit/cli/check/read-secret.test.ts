import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSecret } from '../../../../src/cli/check/read-secret.js';

describe('readSecret: the client secret from stdin', () => {
  it.each([
    ['one trailing line break', 's3cret-value\n', 's3cret-value'],
    ['a Windows line break', 's3cret-value\r\n', 's3cret-value'],
    ['no line break', 's3cret-value', 's3cret-value'],
  ])('reads a piped secret with %s removed', async (_, piped, secret) => {
    const input = new PassThrough();
    input.end(piped);
    const prompts: string[] = [];
    expect(await readSecret(input, (t) => prompts.push(t), 'Client secret')).toBe(secret);
    expect(prompts).toEqual([]);
  });

  // A stand-in for a terminal (none in CI): what matters is raw mode on, then off, and no echo.
  function terminal() {
    const modes: boolean[] = [];
    const input = Object.assign(new PassThrough(), {
      isTTY: true,
      setRawMode: (raw: boolean) => modes.push(raw),
    });
    return { input, modes };
  }

  it('reads a typed secret with the echo off: Backspace deletes, Enter ends', async () => {
    const { input, modes } = terminal();
    const prompts: string[] = [];
    const secret = readSecret(input, (t) => prompts.push(t), 'Client secret of m2m');
    input.write('s3c');
    input.write('x\u007fret\r');
    expect(await secret).toBe('s3cret');
    expect(modes).toEqual([true, false]);
    expect(prompts).toEqual(['Client secret of m2m (typing is not shown): ', '\n']);
  });

  it('gives up on Ctrl-C, with the terminal back to normal', async () => {
    const { input, modes } = terminal();
    const secret = readSecret(input, () => undefined, 'Client secret');
    input.write('abc\u0003');
    await expect(secret).rejects.toThrow(/no secret typed/);
    expect(modes).toEqual([true, false]);
  });
});
