// Types for the parts of ./support.mjs that TypeScript benches (bench/*.run.ts) use.
export function median(values: readonly number[]): number;
