import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const SCENARIO_DIR = 'scenarios';

/** The scenario files a command works on: the paths given, or every YAML file in scenarios/. */
export function scenarioFiles(args: readonly string[]): string[] {
  const paths = args.length > 0 ? args : [SCENARIO_DIR];
  return paths.flatMap((path) => {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      return [path];
    }
    if (!isDir) return [path];
    return readdirSync(path)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(path, name));
  });
}

/** Reads a file, or returns a one-line reason it could not be read. */
export function readText(path: string): { text: string } | { error: string } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, expected a file' : `cannot be read (${code ?? String(error)})` };
  }
}

export const displayPath = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
};
