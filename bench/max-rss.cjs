// Preloaded into the measured node process (NODE_OPTIONS=--require) when GNU time is
// not installed: on exit it writes the process's own peak resident set size, in bytes,
// to the file named by SHIFTMETER_BENCH_RSS_FILE.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  writeFileSync(process.env.SHIFTMETER_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
