import { HarSyntaxError } from '../../../src/har/json-scanner.js';

/** The HarSyntaxError a read rejects with; any other outcome fails the test. */
export async function failure(promise: Promise<unknown>): Promise<HarSyntaxError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HarSyntaxError) return error;
    throw error;
  }
  throw new Error('no error');
}
