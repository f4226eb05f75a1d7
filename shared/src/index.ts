// shared/ depends only on zod: no DOM, no Workers globals, nothing from worker/ or extension/.
export * from './schemas';
