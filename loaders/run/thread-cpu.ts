// The CPU time of the calling thread alone (Node 20 has no process.threadCpuUsage), for the bench's account of where
// a run's CPU goes: this thread, the workers, and the threads neither runs code on (V8's collector and compiler,
// DuckDB). Linux only (/proc); NaN elsewhere.
import {openSync, readSync} from "node:fs";

/** Clock ticks per second of /proc's times: USER_HZ, 100 on every Linux port that Node runs on. */
const TICKS = 100;

/**
 * /proc/thread-self/stat of the thread that first asks, kept open: a worker asks once per document, and opening the
 * file each time cost a tenth of a second of CPU per 1,000 documents. Each thread has its own copy of this module.
 */
let fd: number | null = null;
const buffer = Buffer.alloc(1024);

export function threadCpuSeconds(): number {
  try {
    fd ??= openSync("/proc/thread-self/stat", "r");
    const stat = buffer.toString("latin1", 0, readSync(fd, buffer, 0, buffer.length, 0));
    // After the name in parentheses (which may hold spaces): state, then 10 fields, then utime and stime.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return NaN;
  }
}
