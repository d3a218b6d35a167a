/**
 * The few standard globals every runtime the analyzer runs in has (browsers, workers, Node 20).
 * Declared by hand instead of pulling in the DOM lib, so the analyzer cannot reach `window`,
 * `document`, `chrome` or the clock by accident.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
  readonly href: string;
  readonly searchParams: {
    forEach(callback: (value: string, key: string) => void): void;
    get(name: string): string | null;
    has(name: string): boolean;
  };
  toString(): string;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

/** Forgiving-base64 decode to a binary string; throws on text that is no base64. */
declare function atob(data: string): string;
