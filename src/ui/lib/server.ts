/**
 * A typed, promise-returning google.script.run: `call("submitEntry", input)` is checked against the
 * server's signature, so a renamed or retyped endpoint breaks the build, not the user's click.
 */

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error | string) => void): ScriptRunner;
  [endpoint: string]: unknown;
}

declare const google: { script: { run: ScriptRunner; host: { close(): void } } };

/** Any interface whose members are all functions (an interface has no index signature, so no Record). */
type Endpoints<Api> = { [K in keyof Api]: (...args: never[]) => unknown };

export function serverCaller<Api extends Endpoints<Api>>() {
  return function call<K extends keyof Api & string>(
    name: K,
    ...args: Parameters<Api[K]>
  ): Promise<ReturnType<Api[K]>> {
    return new Promise((resolve, reject) => {
      const runner = google.script.run
        .withSuccessHandler((value) => resolve(value as ReturnType<Api[K]>))
        .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
      const endpoint = runner[name];
      if (typeof endpoint !== "function") {
        reject(new Error(`Không tìm thấy chức năng "${name}" trên máy chủ.`));
        return;
      }
      endpoint.apply(runner, args);
    });
  };
}

/** Closes the sidebar or dialog this page is shown in. */
export function closeHost(): void {
  google.script.host.close();
}
