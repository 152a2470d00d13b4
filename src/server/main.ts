/** `npm start`: the main job (chat API, widget, quiz and journal API on one port). */
import { startServer } from './index.ts';

const started = await startServer();
let stopping = false;
// SIGTERM/SIGINT: drain in-flight requests (nothing acknowledged is cut off), close the database pool, exit.
const stop = () => {
  if (stopping) return;
  stopping = true;
  void started.drain().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
