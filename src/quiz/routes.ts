import type { Mount } from '../server/app.ts';

// Placeholder until the quizzes (issue 8) land: mounts nothing.
export const quizMount: Mount = { name: 'quiz' };
