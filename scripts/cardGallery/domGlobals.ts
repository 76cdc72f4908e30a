import { JSDOM, type DOMWindow } from "jsdom";

/** The browser globals the adaptivecards renderer reads (document.createElement, instanceof checks). */
const NAMES = [
  "window",
  "document",
  "navigator",
  "Node",
  "HTMLElement",
  "HTMLButtonElement",
  "HTMLInputElement",
  "HTMLSelectElement",
] as const;

/**
 * A jsdom window the renderer can draw into. jsdom has no `innerText` (it needs layout), and the
 * renderer writes button titles and input labels through it, so it maps to textContent here.
 */
export function createCardWindow(): DOMWindow {
  const { window } = new JSDOM("<!doctype html><html><body></body></html>");
  Object.defineProperty(window.HTMLElement.prototype, "innerText", {
    configurable: true,
    get(this: HTMLElement) {
      return this.textContent;
    },
    set(this: HTMLElement, text: string) {
      this.textContent = text;
    },
  });
  return window;
}

/**
 * Runs `render` with a jsdom window's globals installed, then puts back whatever was there before,
 * so the gallery can run inside the mocha process without leaking a fake DOM into other tests.
 */
export function withDomGlobals<T>(window: DOMWindow, render: () => T): T {
  const scope = globalThis as Record<string, unknown>;
  const saved = NAMES.map((name) => ({ name, descriptor: Object.getOwnPropertyDescriptor(scope, name) }));
  const source = window as unknown as Record<string, unknown>;
  for (const name of NAMES) {
    Object.defineProperty(scope, name, {
      value: name === "window" ? window : source[name],
      configurable: true,
      writable: true,
    });
  }
  try {
    return render();
  } finally {
    for (const { name, descriptor } of saved) {
      if (descriptor) Object.defineProperty(scope, name, descriptor);
      else Reflect.deleteProperty(scope, name);
    }
  }
}
