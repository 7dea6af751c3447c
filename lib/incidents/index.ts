export * from './operations';
export * from './queries';
export { appendEvents } from './append';
export { rebuildProjections } from './rebuild';
export { foldIncident } from './fold';
export type { Actor, DomainContext } from './context';
export { describeError, StorageFullError, ValidationError, NotFoundError } from './errors';
