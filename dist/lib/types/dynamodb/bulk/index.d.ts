/**
 * The bulk data engine for migration authors: parallel Scan or Query, batched and retried
 * writes within a rate limit, per-segment checkpoints, canary sampling, dry runs and
 * deadlines. Start at {@link createDataEngine}.
 */
export { createDataEngine, type BulkData, type DataEngine } from './engine.js';
export { PassFailedError, PassIncompleteError, isPassFailed, isPassIncomplete } from './errors.js';
export { CHECKPOINT_HASH, CheckpointStore, type PassProgress } from './checkpoints.js';
export type { BulkLogger, DataEngineOptions, DeleteAction, Expression, Item, ItemAction, PassOptions, PassResult, Progress, RateLimit, ReplaceAction, SegmentPlan, Selection, TransformFn, UpdateAction, } from './types.js';
