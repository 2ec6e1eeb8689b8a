/**
 * Command-line arguments: `--name value`, `--name=value` and flags, with Vietnamese messages for every
 * mistake (Node's own parser answers in English).
 */

/** A mistake in how the command was called: exit code 2 and a message saying what to type. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export type OptionKind = "flag" | "value";

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

export function parseArgs(
  argv: readonly string[],
  spec: Record<string, OptionKind>,
  command: string,
): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      if (arg.startsWith("-") && arg !== "-" && !/^-\d/.test(arg)) {
        throw new UsageError(
          `Lệnh ${command} không có tuỳ chọn "${arg}". Xem: ke-hoach-sheet ${command} --help`,
        );
      }
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    const kind = spec[name];
    if (!kind) {
      throw new UsageError(
        `Lệnh ${command} không có tuỳ chọn "--${name}". Xem: ke-hoach-sheet ${command} --help`,
      );
    }
    if (kind === "flag") {
      if (eq >= 0) throw new UsageError(`Tuỳ chọn --${name} không nhận giá trị.`);
      out.flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) {
        throw new UsageError(`Tuỳ chọn --${name} cần một giá trị, ví dụ: --${name} ${exampleOf(name)}`);
      }
      i++;
    }
    if (out.values.has(name)) throw new UsageError(`Tuỳ chọn --${name} được ghi hai lần.`);
    out.values.set(name, value);
  }
  return out;
}

function exampleOf(name: string): string {
  switch (name) {
    case "month":
      return "2023-06";
    case "now":
      return "2023-06-15";
    case "rule":
      return "cutoff";
    case "html":
      return "bao-cao.html";
    case "plan":
      return "ke-hoach.json";
    default:
      return "…";
  }
}
