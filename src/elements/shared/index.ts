/** The foundation every memorial-* element is built on. */
export { MemorialElement, type TaskViews } from './memorial-element.js';
export { GuardedElement } from './guarded-element.js';
export { MemorialTask, type MemorialTaskOptions, type TaskContext, type TaskStatus } from './task.js';
export { define } from './define.js';
export { VERSION } from './version.js';
export { memorialContext, type MemorialContextValue } from './context.js';
export { sharedClient, metaApiBase } from './client.js';
export { classifyError, MemorialConfigError, type ClassifiedError, type ErrorKind } from './errors.js';
export * from './events.js';
