/**
 * Unattended screen mode for a deck on a reception or meeting-room screen (`?visning=20`): a slide
 * every 20 seconds, round and round, with a thin progress bar; any key or click pauses and shows the
 * controls (P plays again); the cursor hides when the mouse rests. The slide is in the URL, so a
 * reload goes on where it was, and after an hour it reloads itself at a slide boundary to show the
 * latest build. Browsers allow full screen only after a gesture: a hint says F.
 */
export interface ScreenDeck {
  count: number;
  current(): number;
  show(index: number): void;
  wake(): void;
}

/** Seconds per slide from `?visning=N` (1–3 600; 20 when no number is given), or null when absent. */
export function screenSeconds(search: string): number | null {
  const params = new URLSearchParams(search);
  if (!params.has('visning')) return null;
  const seconds = Number(params.get('visning'));
  return Number.isFinite(seconds) && seconds >= 1 ? Math.min(seconds, 3600) : 20;
}

const CURSOR_REST_MS = 3000;
const RELOAD_AFTER_MS = 60 * 60 * 1000;

export function startScreenMode(document: Document, deck: ScreenDeck, seconds: number): void {
  const root = document.documentElement;
  root.classList.add('screen-mode');
  const bar = document.createElement('div');
  bar.className = 'screen-progress';
  bar.setAttribute('aria-hidden', 'true');
  const hint = document.createElement('p');
  hint.className = 'screen-hint';
  hint.setAttribute('role', 'status');
  document.body.append(bar, hint);

  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let progress: Animation | undefined;
  let playing = false;
  const say = (text: string) => (hint.textContent = text);
  const schedule = () => {
    clearTimeout(timer);
    progress?.cancel();
    progress = bar.animate([{ transform: 'scaleX(0)' }, { transform: 'scaleX(1)' }], {
      duration: seconds * 1000,
      easing: 'linear',
    });
    timer = setTimeout(() => {
      deck.show((deck.current() + 1) % deck.count);
      // A screen left running for days shows the latest build: reload at a slide boundary once an
      // hour has passed; the slide is in the address, so the round goes on where it was.
      if (Date.now() - started >= RELOAD_AFTER_MS) document.defaultView?.location.reload();
      else schedule();
    }, seconds * 1000);
  };
  const play = () => {
    playing = true;
    root.classList.remove('screen-paused');
    say(document.body.dataset['screenPlaying'] ?? '');
    schedule();
  };
  const pause = () => {
    playing = false;
    clearTimeout(timer);
    progress?.cancel();
    root.classList.add('screen-paused');
    say(document.body.dataset['screenPaused'] ?? '');
    deck.wake();
  };
  // Capture, so the pause comes before the key or click does its own thing.
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'p' || event.key === 'P') {
        event.preventDefault();
        event.stopImmediatePropagation();
        if (playing) pause();
        else play();
      } else if (playing && !['f', 'F', 'Shift', 'Alt', 'Control', 'Meta'].includes(event.key)) pause();
    },
    true,
  );
  document.addEventListener('click', () => playing && pause(), true);

  let restTimer: ReturnType<typeof setTimeout> | undefined;
  const rest = () => {
    root.classList.remove('cursor-hidden');
    clearTimeout(restTimer);
    restTimer = setTimeout(() => root.classList.add('cursor-hidden'), CURSOR_REST_MS);
  };
  document.addEventListener('pointermove', rest);
  rest();
  play();
}
