/**
 * The workbench's state on disk: a base (the emulator's whole snapshot, written now and then) and an
 * append-only journal of the actions taken since, one JSON line each. An action costs one short append,
 * in proportion to what the person did, not to the workbook (a whole snapshot is 3 MB and ~0.5 s);
 * the base is rewritten when the workbench is idle, after many actions, and on a clean stop. A line
 * is appended before the action is answered, so a kill -9 loses nothing that was acknowledged: the
 * next start replays the journal on the base.
 *
 * The base records the last action it includes (`seq`): a stop between writing a base and emptying
 * the journal replays nothing twice. A base is written to a temporary file and renamed over the old one.
 */
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod/mini";
import type { EnvironmentState } from "../emulator/index";
import {
  AnswerSchema,
  ClockRequestSchema,
  EditRequestSchema,
  type EditRequest,
  type Answer,
  type ClockRequest,
} from "./protocol";

export const STATE_FILE = "workbench.json";
export const JOURNAL_FILE = "workbench.journal";
const FILE_FORMAT = "ke-hoach-sheet-workbench";

/** Where a person was looking, per person: the tab they land on when they come back. */
export type Places = Record<string, { spreadsheetId: string; sheet: string }>;

/** One recorded action: what the person (or the clock) did, replayed exactly as it was done live. */
export type Op =
  | { op: "user"; email: string }
  | { op: "open" }
  | { op: "edit"; req: EditRequest }
  | { op: "activate"; spreadsheetId: string; sheet: string }
  | { op: "menu"; path: string[]; answers: Answer[] }
  | { op: "run"; name: string; args: unknown[] }
  | { op: "triggers"; at: ClockRequest }
  | { op: "clock"; at: ClockRequest };

const OpSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("user"), email: z.string() }),
  z.object({ op: z.literal("open") }),
  z.object({ op: z.literal("edit"), req: EditRequestSchema }),
  z.object({ op: z.literal("activate"), spreadsheetId: z.string(), sheet: z.string() }),
  z.object({ op: z.literal("menu"), path: z.array(z.string()), answers: z.array(AnswerSchema) }),
  z.object({ op: z.literal("run"), name: z.string(), args: z.array(z.unknown()) }),
  z.object({ op: z.literal("triggers"), at: ClockRequestSchema }),
  z.object({ op: z.literal("clock"), at: ClockRequestSchema }),
]);

const LineSchema = z.object({ seq: z.int(), at: z.string(), op: OpSchema });
export type Line = { seq: number; at: string; op: Op };

const EnvSchema = z.looseObject({
  version: z.literal(1),
  now: z.string(),
  owner: z.string(),
  activeUser: z.string(),
  spreadsheets: z.looseObject({ spreadsheets: z.array(z.unknown()) }),
});

/** Version 1 (before the journal) held the snapshot alone; it is read as a base with nothing after it. */
const BaseSchema = z.union([
  z.object({ format: z.literal(FILE_FORMAT), version: z.literal(1), env: EnvSchema }),
  z.object({
    format: z.literal(FILE_FORMAT),
    version: z.literal(2),
    seq: z.int(),
    places: z.record(z.string(), z.object({ spreadsheetId: z.string(), sheet: z.string() })),
    env: EnvSchema,
  }),
]);

export interface Base {
  seq: number;
  places: Places;
  env: EnvironmentState;
}

export interface Loaded {
  base: Base;
  /** The base file's text, as read (read once: 3 MB for the demo). */
  text: string;
  /** The journal's actions after the base, in order. */
  lines: Line[];
}

export class Store {
  readonly basePath: string;
  readonly journalPath: string;

  constructor(
    dir: string,
    private readonly log: (line: string) => void,
  ) {
    this.basePath = join(dir, STATE_FILE);
    this.journalPath = join(dir, JOURNAL_FILE);
  }

  /** The saved state, or undefined when there is none (or it cannot be read: then it is kept aside). */
  load(): Loaded | undefined {
    if (!existsSync(this.basePath)) {
      if (existsSync(this.journalPath))
        this.keepAside(this.journalPath, "không có tệp gốc để chạy lại nhật ký");
      return undefined;
    }
    let base: Base;
    let text: string;
    try {
      text = readFileSync(this.basePath, "utf8");
      const parsed = BaseSchema.parse(JSON.parse(text));
      base = {
        seq: parsed.version === 2 ? parsed.seq : 0,
        places: parsed.version === 2 ? parsed.places : {},
        env: parsed.env as unknown as EnvironmentState,
      };
    } catch (e) {
      // Never overwrite what cannot be read: keep it aside for whoever wants to look at it.
      this.keepAside(this.basePath, e instanceof Error ? e.message : String(e));
      if (existsSync(this.journalPath)) this.keepAside(this.journalPath, "tệp gốc hỏng");
      return undefined;
    }
    return { base, text, lines: this.readJournal(base.seq) };
  }

  private readJournal(after: number): Line[] {
    if (!existsSync(this.journalPath)) return [];
    const text = readFileSync(this.journalPath, "utf8");
    const raw = text.split("\n");
    const lines: Line[] = [];
    for (let i = 0; i < raw.length; i++) {
      const l = raw[i]!;
      if (l.trim() === "") continue;
      let parsed: Line;
      try {
        parsed = LineSchema.parse(JSON.parse(l)) as Line;
      } catch {
        // The last line half written when the process was killed: that action was never answered.
        const rest = raw.slice(i + 1).some((x) => x.trim() !== "");
        if (rest) {
          this.log(`Dòng ${i + 1} của ${this.journalPath} hỏng; chỉ chạy lại các dòng trước nó.`);
          this.keepAside(this.journalPath, `dòng ${i + 1} hỏng`, true);
        }
        break;
      }
      if (parsed.seq > after) lines.push(parsed);
    }
    return lines;
  }

  private keepAside(path: string, why: string, copy = false): void {
    const aside = `${path}.hong-${Date.now()}`;
    if (copy) writeFileSync(aside, readFileSync(path));
    else renameSync(path, aside);
    this.log(`Không đọc được ${path} (${why}); đã giữ lại thành ${aside}.`);
  }

  /** One action, after it was applied and before it is answered. */
  append(line: Line): void {
    appendFileSync(this.journalPath, `${JSON.stringify(line)}\n`);
  }

  /** A new base holding everything up to `base.seq`; the journal starts again empty. Returns its text. */
  writeBase(base: Base): string {
    const body = JSON.stringify({
      format: FILE_FORMAT,
      version: 2,
      seq: base.seq,
      places: base.places,
      env: base.env,
    });
    const tmp = `${this.basePath}.tmp`;
    writeFileSync(tmp, body);
    renameSync(tmp, this.basePath);
    writeFileSync(this.journalPath, "");
    return body;
  }
}
