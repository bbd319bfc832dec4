// The CPU time of the calling thread alone (Node 20 has no process.threadCpuUsage), for the bench's account of where
// a run's CPU goes: this thread, the workers, and the threads neither runs code on (V8's collector and compiler,
// DuckDB). Linux only (/proc); NaN elsewhere.
import {readFileSync} from "node:fs";

/** Clock ticks per second of /proc's times: USER_HZ, 100 on every Linux port that Node runs on. */
const TICKS = 100;

export function threadCpuSeconds(): number {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "latin1");
    // After the name in parentheses (which may hold spaces): state, then 10 fields, then utime and stime.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return NaN;
  }
}
