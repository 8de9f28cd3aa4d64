/** What an exclusive create reports: created, or the name was taken (any other failure throws). */
export type CreateOutcome = 'created' | 'exists';

export const MAX_NAME_ATTEMPTS = 1000;

/**
 * Finds a free name by trying to create each candidate exclusively (`-2`, `-3`, …), rather than checking
 * first and writing after: between a check and a write, another note could take the name.
 */
export async function createWithFreeName(
  nameFor: (attempt: number) => string,
  tryCreate: (name: string) => Promise<CreateOutcome>,
  maxAttempts = MAX_NAME_ATTEMPTS,
): Promise<string> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const name = nameFor(attempt);
    if ((await tryCreate(name)) === 'created') return name;
  }
  throw new Error(`No free file name after ${maxAttempts} attempts (the last tried was ${nameFor(maxAttempts)}).`);
}
