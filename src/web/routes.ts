import type { Mount } from '../server/app.ts';

// Placeholder until the widget (issue 6) lands: mounts nothing.
export const webMount: Mount = { name: 'web' };
