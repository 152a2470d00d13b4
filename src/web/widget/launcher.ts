/**
 * <hjemmel-launcher>: a floating "Spørg Hjemmel" button that opens the chat in a panel. Added by
 * widget.js when it is loaded with a plain script tag. Opening moves focus to the question field;
 * Escape (or the panel's close button) closes it and returns focus to the button.
 */
import type { HjemmelChatElement } from './chat.ts';
import { ICON } from './icons.ts';
import { adoptStyles, LAUNCHER_CSS } from './styles.ts';

const PASSED_ON = ['api-base', 'api-key', 'token', 'measure', 'facts', 'case-ref'] as const;

export class HjemmelLauncherElement extends HTMLElement {
  private shadow!: ShadowRoot;
  private button!: HTMLButtonElement;
  private panel!: HTMLElement;
  private chat: HjemmelChatElement | undefined;

  connectedCallback(): void {
    if (this.shadow) return;
    this.shadow = this.attachShadow({ mode: 'open' });
    adoptStyles(this.shadow, LAUNCHER_CSS);
    const wrap = document.createElement('div');
    wrap.className = 'wrap';
    wrap.lang = 'da';
    wrap.innerHTML = `
<div class="panel" id="hjemmel-panel" role="dialog" aria-label="Hjemmel – vejledning om magtanvendelse" hidden></div>
<button type="button" class="launch" aria-expanded="false" aria-controls="hjemmel-panel">${ICON.chat}<span>Spørg Hjemmel</span></button>`;
    this.shadow.append(wrap);
    this.button = wrap.querySelector('.launch')!;
    this.panel = wrap.querySelector('.panel')!;
    this.button.addEventListener('click', () => (this.panel.hidden ? this.open() : this.close()));
    this.panel.addEventListener('hjemmel-close', () => this.close());
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        this.close();
      }
    });
  }

  get isOpen(): boolean {
    return !!this.panel && !this.panel.hidden;
  }

  open(): void {
    if (!this.chat) {
      this.chat = document.createElement('hjemmel-chat') as HjemmelChatElement;
      this.chat.setAttribute('mode', 'panel');
      for (const a of PASSED_ON) {
        const v = this.getAttribute(a);
        if (v !== null) this.chat.setAttribute(a, v);
      }
      this.panel.append(this.chat);
    }
    this.panel.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.shadow.querySelector('.wrap')!.classList.add('open');
    this.chat.focusInput();
  }

  close(): void {
    if (this.panel.hidden) return;
    this.panel.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    this.shadow.querySelector('.wrap')!.classList.remove('open');
    this.button.focus();
  }
}
