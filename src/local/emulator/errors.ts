// Errors thrown to the script carry Google's wording, so code that matches on messages behaves the same.

export class NotImplementedError extends Error {
  constructor(what: string) {
    super(`Not implemented in the emulator: ${what}`);
    this.name = "NotImplementedError";
  }
}

export function notImplemented(what: string): never {
  throw new NotImplementedError(what);
}

/** Google's message when a simple trigger (AuthMode.LIMITED) calls a service needing authorisation. */
export function permissionError(method: string, scope: string): Error {
  return new Error(
    `You do not have permission to call ${method}. Required permissions: https://www.googleapis.com/auth/${scope}`,
  );
}
