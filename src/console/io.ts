/** Where a CLI command writes: the real streams, or a recorder in tests. */
export interface CliIO {
  out(line: string): void;
  error(line: string): void;
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};
