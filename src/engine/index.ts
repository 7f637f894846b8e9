/**
 * The matching engine: which documented causes of night leg cramps a patient's records support.
 * Pure: no I/O, never reads the clock (options.now is the only time), never throws on malformed input.
 */
export { matchRecords } from "./matchRecords";
export { warmUp } from "./warmUp";
export { findLegCramps, type LegCrampRecord } from "./legCramps";
export type * from "./types";
