/**
 * Command-line parsing for every command: `--help`/`-h` prints the command's usage; an unknown
 * option, a missing value or a stray argument prints one Chinese line and the usage (node's
 * parseArgs errors are English and name an internal code).
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { closestName } from "../problems/edit-distance.ts";

/** A mistake on the command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** `--help` was given: the usage is printed and the command does nothing else. */
export class HelpRequested extends Error {
  constructor(readonly usage: string) {
    super("help");
    this.name = "HelpRequested";
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** What node's parseArgs complained about, in Chinese. */
function chineseParseError(err: Error & { code?: string }, options: Options): string {
  const option = /'(-[^' ]+)/.exec(err.message)?.[1] ?? "";
  const stray = /argument '([^']*)'/.exec(err.message)?.[1] ?? "";
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      const written = option.replace(/^-+/, "").replace(/=.*$/, "");
      const near = closestName(written, Object.keys(options));
      return `未知选项 ${option}${near ? `；是否想用 --${near}？` : "。"}`;
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /does not take an argument/.test(err.message)
        ? `选项 ${option} 不带值。`
        : `选项 ${option} 缺少值：应写成 ${option} <值>。`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `多余的参数“${stray}”：本命令只接受以 -- 开头的选项。`;
    default:
      return `命令行参数有误：${err.message}`;
  }
}

/**
 * parseArgs (strict) with `--help`/`-h` and Chinese errors. Throws HelpRequested or UsageError;
 * runCli prints them. Help wins over any other mistake on the line.
 */
export function parseCommandLine<C extends ParseArgsConfig>(
  config: C,
  usage: string,
): ReturnType<typeof parseArgs<C>> {
  const args = config.args ?? process.argv.slice(2);
  const end = args.indexOf("--");
  if ((end === -1 ? args : args.slice(0, end)).some((a) => a === "--help" || a === "-h"))
    throw new HelpRequested(usage);
  try {
    // strict is parseArgs' default; callers leave it unset, so the result type is C's.
    return parseArgs<C>({ ...config, args });
  } catch (err) {
    if (err instanceof TypeError && "code" in err)
      throw new UsageError(
        chineseParseError(err as TypeError & { code: string }, config.options ?? {}),
        usage,
      );
    throw err;
  }
}
