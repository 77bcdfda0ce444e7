import { parentPort } from 'node:worker_threads';
import { InvalidInputError } from '../../domain/errors';
import { InteractionColumns } from '../../projection/interaction-columns';
import { SqliteWindowReader } from '../../store/sqlite/window-reader';
import { lowerThisThreadsPriority } from './thread-priority';
import { buildExport, measureWindows, type WindowSource, type WorkTask } from './work-tasks';

/**
 * A work-pool thread (see work-pool.ts). Messages in: `{ id, task }` runs a task (snapshots
 * answer `{ id, result }`; exports answer each `{ id, pull }` with `{ id, chunk }` or
 * `{ id, done }`); errors answer `{ id, error }`, input errors with their field and reason.
 */
lowerThisThreadsPriority();
const streams = new Map<number, AsyncIterator<unknown>>();
/** Read-only connections to store files (Store.windowFile), one per file, kept for the thread's life. */
const readers = new Map<string, SqliteWindowReader>();

/** The task with a `file` source read here: its columns and actors never pass through the HTTP thread. */
function withColumns<T extends WorkTask>(task: T): T {
  if (!('source' in task) || task.source.kind !== 'file') return task;
  const { file, span, scope } = task.source;
  let reader = readers.get(file.path);
  if (!reader) {
    reader = new SqliteWindowReader(file.path);
    readers.set(file.path, reader);
  }
  const interactions = new InteractionColumns();
  const actors = reader.read(span, scope, interactions);
  interactions.trim();
  const source: WindowSource = { kind: 'columns', columns: interactions.parts(span.from.getTime(), span.to.getTime()), actors };
  return { ...task, source };
}

function fail(id: number, error: unknown): void {
  streams.delete(id);
  const input =
    error instanceof InvalidInputError ? { field: error.field, value: safeValue(error.value), reason: error.reason } : undefined;
  parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error), input });
}

function safeValue(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return String(value);
  }
}

type WorkMessage = { id: number; task?: WorkTask; pull?: true };

// Every failure is caught and posted back (fail), so the listener may drop the promise.
parentPort!.on('message', (message: WorkMessage) => void handleMessage(message));

async function handleMessage(message: WorkMessage): Promise<void> {
  const { id } = message;
  try {
    if (message.task?.kind === 'snapshots') {
      const result = measureWindows(withColumns(message.task));
      const buffers = result.flatMap(({ columns }) =>
        Object.values(columns)
          .filter((v): v is Float64Array => ArrayBuffer.isView(v))
          .map((v) => v.buffer as ArrayBuffer),
      );
      parentPort!.postMessage({ id, result }, [...new Set(buffers)]);
    } else if (message.task?.kind === 'export') {
      streams.set(id, buildExport(withColumns(message.task))[Symbol.asyncIterator]());
      parentPort!.postMessage({ id, ready: true });
    } else if (message.pull) {
      const next = await streams.get(id)!.next();
      if (next.done) {
        streams.delete(id);
        parentPort!.postMessage({ id, done: true });
      } else {
        const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer);
        parentPort!.postMessage({ id, chunk });
      }
    }
  } catch (error) {
    fail(id, error);
  }
}
