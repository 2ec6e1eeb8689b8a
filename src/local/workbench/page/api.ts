/** Talking to the workbench server: JSON in, JSON out, a Vietnamese message when refused. */

export class ApiError extends Error {}

async function parse<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as { message?: unknown } | null;
  if (!res.ok) {
    const message = body && typeof body.message === "string" ? body.message : `Lỗi ${res.status}`;
    throw new ApiError(message);
  }
  return body as T;
}

export async function get<T>(path: string): Promise<T> {
  return parse<T>(await fetch(path, { headers: { Accept: "application/json" } }));
}

export async function post<T>(path: string, body: unknown = {}): Promise<T> {
  return parse<T>(
    await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    }),
  );
}
