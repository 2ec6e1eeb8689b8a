// A minimal host for the spreadsheet model: a switchable acting user, a fixed clock, recorded
// service calls, and plain-object Blobs.
import {
  createSheetsModel,
  type SheetsHost,
  type SheetsState,
} from "../../../../src/local/emulator/spreadsheet/index";

export const OWNER = "chu.tich@quangkhai.example";
export const POLICE = "congan.xa@quangkhai.example";
export const TEACHER = "hieutruong.thcs@quangkhai.example";
export const DISTRICT = "phong.ldtbxh@tuky.example";

export interface FakeBlob {
  bytes: Uint8Array;
  contentType: string;
  name: string;
}

export function setup(opts: { state?: SheetsState; user?: string } = {}) {
  const run = { user: opts.user ?? OWNER, calls: [] as string[], now: new Date("2023-04-20T01:00:00Z") };
  const host: SheetsHost = {
    count: (n) => {
      run.calls.push(n);
    },
    actingUser: () => run.user,
    now: () => new Date(run.now.getTime()),
    newFiles: { locale: "vi_VN", timeZone: "Asia/Ho_Chi_Minh" },
    getUi: () => ({ ui: true }),
    // A conversion's bytes are made when read, as the real Blob does.
    newBlob: (bytes, contentType, name): FakeBlob => ({
      get bytes() {
        return typeof bytes === "function" ? bytes() : bytes;
      },
      contentType,
      name,
    }),
  };
  const model = createSheetsModel(host, opts.state);
  const ss = opts.state ? model.active() : model.createBound("Kế hoạch PCMD 2023 - xã Quang Khải", OWNER);
  return {
    model,
    ss,
    app: model.spreadsheetApp,
    run,
    actAs(user: string) {
      run.user = user;
    },
  };
}

/** Vietnam is UTC+7 all year: midnight there is 17:00 UTC the day before. */
export function vnDate(y: number, m: number, d: number, h = 0, min = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, h - 7, min));
}

export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error, none was thrown");
}
