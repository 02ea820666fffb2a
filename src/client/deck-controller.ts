/**
 * Progressive enhancement of a dialogue deck: one slide at a time, keys a presenter (and a clicker)
 * sends, a URL fragment per slide, full screen, and speaker notes in a window of their own that
 * follows the deck. Without JavaScript the slides read as one long page.
 */
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
      slide.hidden = position !== current;
    });
    const id = slides[current]?.id ?? '';
    if (window.location.hash !== `#${id}`)
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${id}`);
    if (options.focus !== false) slides[current]?.focus({ preventScroll: true });
    if (options.broadcast !== false) channel?.postMessage({ slide: current });
  }

  // Only a slide number moves the deck: anything else on the channel (NaN hid every slide) is ignored.
  channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
    const slide = (event.data as { slide?: unknown } | null)?.slide;
    if (typeof slide === 'number' && Number.isInteger(slide)) show(slide, { broadcast: false, focus: false });
  });
  window.addEventListener('hashchange', () => show(indexFromHash()));
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const help = document.getElementById('tangenter');
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
        `${window.location.pathname}?notes${window.location.hash}`,
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
  show(indexFromHash(), { focus: false });
}
