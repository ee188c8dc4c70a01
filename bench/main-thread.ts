import type { Trace } from 'lighthouse';
import { MainThreadTasks } from 'lighthouse/core/lib/tracehouse/main-thread-tasks.js';
import { TraceProcessor } from 'lighthouse/core/lib/tracehouse/trace-processor.js';

/** Lighthouse's simulated phone runs each task this many times slower (its default mobile setting). */
const CPU_SLOWDOWN = 4;
/** A task longer than this blocks input; the time beyond it is what Total Blocking Time adds up. */
const LONG_TASK_MS = 50;

type TaskNode = ReturnType<typeof MainThreadTasks.getMainThreadTasks>[number];

/**
 * The blocking time the page's main thread causes after its first contentful paint, read from the
 * trace of the load itself rather than from Lantern's simulation (decision 022): every top-level
 * task that starts at or after the paint counts, as the phone would run it, `CPU_SLOWDOWN` times
 * longer, less 50 ms. `script` is the part in tasks that spend most of their time running script
 * (ours, at that point: the framework's, the pages' and their libraries'); the rest is the
 * browser's own work (parsing, compiling, style and layout, painting).
 *
 * Unlike Lighthouse's TBT, it does not depend on where the simulation puts the first paint, so
 * it moves with what the page does and not with the early or late paint of a run (decision 021).
 */
export function blockingAfterFirstPaint(trace: Trace): { total: number; script: number } {
  const processed = TraceProcessor.processTrace(trace);
  const { timings } = TraceProcessor.processNavigation(processed);
  const tasks = MainThreadTasks.getMainThreadTasks(
    processed.mainThreadEvents,
    processed.frames,
    processed.timestamps.traceEnd,
    processed.timestamps.timeOrigin,
  );
  let total = 0;
  let script = 0;
  for (const task of tasks) {
    if (task.parent || task.startTime < timings.firstContentfulPaint) continue;
    const blocking = Math.max(0, task.duration * CPU_SLOWDOWN - LONG_TASK_MS);
    total += blocking;
    if (mostlyScript(task)) script += blocking;
  }
  return { total, script };
}

/** Whether running script took more of the task's time than anything else it did. */
function mostlyScript(task: TaskNode): boolean {
  const byGroup = new Map<string, number>();
  const add = (node: TaskNode) => {
    byGroup.set(node.group.id, (byGroup.get(node.group.id) ?? 0) + node.selfTime);
    node.children.forEach(add);
  };
  add(task);
  const [largest] = [...byGroup].sort((a, b) => b[1] - a[1]);
  return largest?.[0] === 'scriptEvaluation';
}
