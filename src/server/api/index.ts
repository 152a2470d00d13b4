import type { Mount } from '../app.ts';

// Placeholder until the journal-system API (issue 7) lands: mounts nothing.
export const apiMount: Mount = { name: 'api' };
