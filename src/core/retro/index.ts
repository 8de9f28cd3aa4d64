/** Retrospective notes: templates, file names and carried-over actions. Pure, like the rest of the core. */
export * from './template';
export * from './naming';
export * from './carry-over';
export * from './exclusive-name';
export { taskItems, tickItemText, dropItemText, findMentions, ownerKey, MAX_OWNER_LENGTH, type TaskItem, type TaskState, type Mention } from './task-items';
