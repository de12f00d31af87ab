/** Where the kit writes: stdout for results, stderr for problems. Injected for tests. */
export interface Output {
  print(line: string): void;
  error(line: string): void;
}

// A reader that stops early (`shiftmeter aggregate … | head`) closes the pipe: that is
// not an error of the kit's, so it ends quietly instead of printing a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

export const processOutput: Output = {
  print: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};
