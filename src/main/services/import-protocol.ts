/**
 * The messages between the main thread and the import's reading thread (import-worker.ts), and
 * how a read's error crosses between them: a `VehicleFileError` arrives as the same error in the
 * same words, anything else as an Error with the original message and stack.
 */
import type { HeaderMapping, Language } from '../../core/import/types';
import { VehicleFileError } from '../io/errors';
import type { ReadOptions, ReadResult, ReadRow, VehicleFileErrorCode } from '../io/types';
import type { PreparedBatch, PrepareContext } from './import-rows';

/** Batches the thread may send ahead of the store's acknowledgements. */
export const IN_FLIGHT = 3;
/**
 * The thread prepares a batch itself only when the main thread already has this many waiting;
 * otherwise it sends the rows as read and the main thread prepares them. Reading costs about as
 * much as preparing and storing together (100,000 rows: ≈ 1.5 s, ≈ 1.0 s, ≈ 1.1 s), so the
 * thread should prepare about a third of the batches; measured on 2 cores, 1 beat 0 and 2.
 */
export const PREPARE_WHEN_WAITING = 2;

/** What a thread is started with (`workerData`). */
export interface ImportThreadData {
  /** the rate data the app loaded: the thread computes with the same files */
  ratesDir: string;
  /** PREPARE_WHEN_WAITING unless a test pins it: 0, the thread prepares every batch; IN_FLIGHT, none */
  prepareWhenWaiting: number;
}

/** The read options that can cross a thread: no callbacks, no signal. */
export type WireReadOptions = Omit<ReadOptions, 'onProgress' | 'onRows' | 'signal'>;

export type ToReader =
  | { type: 'read'; id: number; path: string; options: WireReadOptions; prepare: PrepareContext }
  | { type: 'ack'; id: number };

export type WireError =
  | { kind: 'file'; code: VehicleFileErrorCode; language: Language; detail: string }
  | { kind: 'other'; message: string; stack: string | undefined };

export type FromReader =
  | { type: 'ready' }
  | { type: 'progress'; id: number; rowsRead: number }
  | { type: 'batch'; id: number; batch: PreparedBatch; sheet: { name: string; mapping: HeaderMapping } }
  /** rows read but not prepared: the main thread was waiting, so it prepares them itself */
  | { type: 'rows'; id: number; rows: ReadRow[]; sheet: { name: string; mapping: HeaderMapping } }
  | { type: 'done'; id: number; result: ReadResult }
  | { type: 'failed'; id: number; error: WireError };

export function toWire(e: unknown): WireError {
  if (e instanceof VehicleFileError) return { kind: 'file', code: e.code, language: e.language, detail: e.detail };
  return { kind: 'other', message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
}

export function fromWire(e: WireError): Error {
  if (e.kind === 'file') return new VehicleFileError(e.code, e.language, e.detail);
  const error = new Error(e.message);
  if (e.stack !== undefined) error.stack = e.stack;
  return error;
}
