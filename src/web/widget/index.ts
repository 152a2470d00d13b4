/**
 * widget.js entry. `<script src="https://<host>/widget.js" data-api-key="…" defer></script>` adds a
 * launcher button with a chat panel; `<hjemmel-chat></hjemmel-chat>` renders the chat inline (then no
 * launcher is added unless `data-launcher="true"`; `data-launcher="false"` never adds one).
 * Script attributes: data-api-base (default: the script's origin), data-api-key, data-token,
 * data-measure, data-facts (JSON).
 */
import { HjemmelChatElement, setDefaultApiBase } from './chat.ts';
import { HjemmelLauncherElement } from './launcher.ts';

const script = document.currentScript as HTMLScriptElement | null;
const scriptOrigin = script?.src ? new URL(script.src, location.href).origin : location.origin;
setDefaultApiBase(script?.dataset['apiBase'] || scriptOrigin);

if (!customElements.get('hjemmel-chat')) customElements.define('hjemmel-chat', HjemmelChatElement);
if (!customElements.get('hjemmel-launcher')) customElements.define('hjemmel-launcher', HjemmelLauncherElement);

function boot(): void {
  const mode = script?.dataset['launcher'];
  if (mode === 'false') return;
  if (mode !== 'true' && document.querySelector('hjemmel-chat')) return;
  if (document.querySelector('hjemmel-launcher')) return;
  const launcher = document.createElement('hjemmel-launcher');
  const pass: Array<[string, string | undefined]> = [
    ['api-base', script?.dataset['apiBase']],
    ['api-key', script?.dataset['apiKey']],
    ['token', script?.dataset['token']],
    ['measure', script?.dataset['measure']],
    ['facts', script?.dataset['facts']],
    ['case-ref', script?.dataset['caseRef']],
  ];
  for (const [name, value] of pass) if (value) launcher.setAttribute(name, value);
  document.body.append(launcher);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else boot();
