// What the project's command lines (`extract`, loaders/run/cli.ts, and `export`, scripts/export.ts) do the same way: a bad
// command line or an unwritable output folder is one line on stderr and exit 2, before anything is written.
import {accessSync, constants, existsSync, mkdirSync, statSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {parseArgs, type ParseArgsConfig} from "node:util";

export class UsageError extends Error {}

/** `parseArgs`, its errors (unknown option, missing value) as usage errors. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The files and folders a command reads (default data/), each of which must exist. */
export function inputPaths(positionals: string[]): string[] {
  const paths = positionals.length ? positionals : ["data"];
  for (const path of paths) if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
  return paths;
}

/**
 * Makes DIR and its missing parents one level at a time. Node's `mkdirSync(…, {recursive: true})` never returns for a
 * path under /proc, which answers ENOENT for every child it cannot hold, so the recursive walk retries forever.
 */
function makeDir(dir: string): void {
  const missing: string[] = [];
  for (let path = resolve(dir); !existsSync(path); path = dirname(path)) missing.unshift(path);
  for (const path of missing) mkdirSync(path);
}

/** Makes sure DIR exists and can be written to, or throws a usage error saying why. */
export function writableDir(dir: string): void {
  try {
    makeDir(dir);
    if (!statSync(dir).isDirectory()) throw new Error("not a folder");
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new UsageError(
      `cannot write to ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`
    );
  }
}

/** Runs `main` on the arguments; a usage error prints `name: message` and exits 2, anything else is a crash. */
export function runCommand(name: string, main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`${name}: ${error.message}\n`);
      process.exitCode = 2;
    }
  );
}
