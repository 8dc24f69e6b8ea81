// Preloaded (`node --require`) into a benchmarked process: when it exits,
// writes what the OS counted for it to $BENCH_RUSAGE_FILE as JSON — CPU time
// of all its threads (worker threads included) from getrusage, its peak
// resident memory (getrusage's maxRSS, and VmHWM from /proc when there is one).
'use strict';
const { isMainThread } = require('node:worker_threads');
const { readFileSync, writeFileSync } = require('node:fs');

const target = process.env.BENCH_RUSAGE_FILE;
if (target && isMainThread) {
  const started = process.hrtime.bigint();
  process.on('exit', (code) => {
    const usage = process.resourceUsage();
    let vmHwmKb;
    try {
      vmHwmKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
    } catch {
      vmHwmKb = undefined;
    }
    writeFileSync(
      target,
      JSON.stringify({
        exitCode: code,
        userMs: usage.userCPUTime / 1000,
        systemMs: usage.systemCPUTime / 1000,
        maxRssKb: usage.maxRSS,
        vmHwmKb,
        wallMs: Number(process.hrtime.bigint() - started) / 1e6,
      }),
    );
  });
}
