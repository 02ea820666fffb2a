/**
 * Progressive enhancement of a dialogue deck: one slide at a time, keys a presenter (and a clicker)
 * sends, on-screen buttons, click, tap and swipe, a URL fragment per slide, full screen, and a
 * speaker's window (slide, next slide, notes, clock) that follows the deck. Without JavaScript the
 * slides read as one long page.
 */
import { screenSeconds, startScreenMode } from './screen-mode.ts';

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

export function startDeck(document: Document, window: Window): void {
  const slides = [...document.querySelectorAll<HTMLElement>('section.slide')];
  if (slides.length === 0) return;
  const root = document.documentElement;
  const notesView = new URLSearchParams(window.location.search).has('notes');
  root.classList.add('deck-js');
  if (notesView) root.classList.add('notes-view');
  const channel =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(`deck-${document.body.dataset['deck'] ?? ''}`) : null;
  let current = 0;
  let digits = '';
  let digitTimer: ReturnType<typeof setTimeout> | undefined;

  const indexFromHash = () => {
    const found = slides.findIndex((slide) => `#${slide.id}` === window.location.hash);
    return found >= 0 ? found : 0;
  };

  function show(index: number, options: { focus?: boolean; broadcast?: boolean } = {}) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach((slide, position) => {
      slide.classList.toggle('current', position === current);
      // The speaker's window also shows what comes next.
      const next = notesView && position === current + 1;
      slide.classList.toggle('next', next);
      slide.hidden = position !== current && !next;
    });
    const id = slides[current]?.id ?? '';
    if (window.location.hash !== `#${id}`) window.history.replaceState(null, '', sameOrigin({ hash: id }));
    if (options.focus !== false) slides[current]?.focus({ preventScroll: true });
    if (options.broadcast !== false) channel?.postMessage({ slide: current });
  }

  // Only a slide number moves the deck: anything else on the channel (NaN hid every slide) is ignored.
  channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
    const slide = (event.data as { slide?: unknown } | null)?.slide;
    if (typeof slide === 'number' && Number.isInteger(slide)) show(slide, { broadcast: false, focus: false });
  });
  window.addEventListener('hashchange', () => show(indexFromHash()));
  const help = document.getElementById('tangenter');
  const controls = document.querySelector<HTMLElement>('.deck-controls');
  if (controls) controls.hidden = false;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const wake = () => {
    controls?.classList.remove('idle');
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => controls?.classList.add('idle'), 3000);
  };
  document.addEventListener('pointermove', wake);
  wake();
  controls?.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (!button) return;
    if (button.hasAttribute('data-help')) {
      if (help) help.hidden = !help.hidden;
    } else show(current + Number(button.dataset['step'] ?? 0), { focus: false });
  });
  // A click or tap on the slide advances, except on what does something of its own (a link).
  document.querySelector('main.slides')?.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a, button, summary, input, select, textarea')) return;
    if (!notesView) show(current + 1);
  });
  // A horizontal swipe of 50 px or more turns the page, and the click it ends in is not a tap.
  let swipeStart: { x: number; y: number } | null = null;
  let suppressClick = false;
  document.addEventListener('pointerdown', (event) => {
    // A touch swipe fires no click: a flag left from one must not swallow the next tap.
    suppressClick = false;
    swipeStart = { x: event.clientX, y: event.clientY };
  });
  document.addEventListener('pointerup', (event) => {
    if (!swipeStart) return;
    const dx = event.clientX - swipeStart.x;
    const dy = event.clientY - swipeStart.y;
    swipeStart = null;
    if (Math.abs(dx) >= 50 && Math.abs(dx) > Math.abs(dy)) {
      suppressClick = true;
      show(current + (dx < 0 ? 1 : -1));
    }
  });
  document.addEventListener(
    'click',
    (event) => {
      if (!suppressClick) return;
      suppressClick = false;
      event.stopPropagation();
    },
    true,
  );
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // Enter or space on a focused link or button does what it says, not "next slide".
    const target = event.target as Element | null;
    if ((event.key === 'Enter' || event.key === ' ') && target?.closest('a, button, input, select, textarea')) return;
    if (NEXT.has(event.key)) show(current + 1);
    else if (PREVIOUS.has(event.key)) show(current - 1);
    else if (event.key === 'Home') show(0);
    else if (event.key === 'End') show(slides.length - 1);
    else if (/^\d$/.test(event.key)) {
      digits += event.key;
      clearTimeout(digitTimer);
      digitTimer = setTimeout(() => {
        show(Number(digits) - 1);
        digits = '';
      }, 600);
    } else if (event.key === 'f' || event.key === 'F') {
      if (document.fullscreenElement) void document.exitFullscreen();
      else void root.requestFullscreen?.();
    } else if (event.key === 's' || event.key === 'S') {
      window.open(
        sameOrigin({ search: 'notes' }),
        `notes-${document.body.dataset['deck'] ?? ''}`,
        'popup,width=900,height=700',
      );
    } else if (event.key === '?') {
      if (help) help.hidden = !help.hidden;
    } else if (event.key === 'Escape') {
      if (help) help.hidden = true;
      return;
    } else return;
    event.preventDefault();
  });
  if (notesView) startClock(document, window);
  show(indexFromHash(), { focus: false });
  const seconds = notesView ? null : screenSeconds(window.location.search);
  if (seconds !== null)
    startScreenMode(
      document,
      { count: slides.length, current: () => current, show: (index) => show(index, { focus: false }), wake },
      seconds,
    );
}

/** The speaker's clock: the time of day and the time since the window opened, each minute's second. */
function startClock(document: Document, window: Window): void {
  const bar = document.querySelector<HTMLElement>('.presenter-bar');
  const clock = bar?.querySelector<HTMLElement>('.presenter-clock');
  if (!bar || !clock) return;
  bar.hidden = false;
  const started = Date.now();
  const two = (value: number) => String(value).padStart(2, '0');
  const tick = () => {
    const now = new Date();
    const seconds = Math.floor((Date.now() - started) / 1000);
    clock.textContent = `${two(now.getHours())}:${two(now.getMinutes())} · ${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`;
  };
  tick();
  window.setInterval(tick, 1000);
}

/**
 * This page's own address with a part changed, always absolute: a path built from `pathname` alone
 * reads `//dialog/2460/` (a server that merges slashes serves it) as the host `dialog`.
 */
function sameOrigin(change: { hash?: string; search?: string }): string {
  const url = new URL(window.location.href);
  if (change.hash !== undefined) url.hash = change.hash;
  if (change.search !== undefined) url.search = change.search;
  return url.href;
}
