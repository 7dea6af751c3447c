export function within<T>(what: string, ms: number, promise: Promise<T>): Promise<T>;
export const SMOKE: boolean;
