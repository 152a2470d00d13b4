/** `npm start`: the main job (chat API, widget, quiz and journal API on one port). */
import { startServer } from './index.ts';

const started = await startServer();
const stop = () => {
  void started.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
