/**
 * The client secret from stdin: piped (`printenv SECRET | rhythm-auth check …`: one trailing line
 * break removed), or typed at a terminal with the echo off, so it never shows on the screen.
 */
import type { Readable } from 'node:stream';

/** stdin as far as this module needs it; a terminal has `isTTY` and `setRawMode`. */
export type SecretInput = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

async function readAll(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Typed with echo off: Enter ends it, Backspace deletes, Ctrl-C and Ctrl-D give up. */
function readHidden(input: Readable, setRawMode: (raw: boolean) => unknown): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let secret = '';
    const finish = (error: Error | null) => {
      setRawMode(false);
      input.removeListener('data', onData);
      input.pause();
      if (error) reject(error);
      else resolve(secret);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003' || char === '\u0004') return finish(new Error('no secret typed'));
        if (char === '\u007f' || char === '\b') secret = [...secret].slice(0, -1).join('');
        else secret += char;
      }
    };
    setRawMode(true);
    input.on('data', onData);
    input.resume();
  });
}

export async function readSecret(
  input: SecretInput,
  prompt: (text: string) => void,
  label: string,
): Promise<string> {
  const { setRawMode } = input;
  if (!input.isTTY || !setRawMode) return readAll(input);
  prompt(`${label} (typing is not shown): `);
  try {
    return await readHidden(input, (raw) => setRawMode.call(input, raw));
  } finally {
    prompt('\n');
  }
}
