/**
 * The two small scripts around an embedded chart. In the frame: tell the page around it how tall
 * the chart is (a number, nothing else, so any page may hear it). On the indicator page: a button
 * that copies the code to paste, shown only where the script runs.
 */
export const HEIGHT_MESSAGE = 'lagesbild:height';
export const ASK_MESSAGE = 'lagesbild:ask';

export function reportHeight(window: Window): void {
  if (window.parent === window) return;
  const body = window.document.body;
  // The content's own height: the document's would be at least the frame's, and never shrink.
  const send = () => {
    const bottom = body.getBoundingClientRect().bottom + window.scrollY;
    const margin = parseFloat(window.getComputedStyle(body).marginBottom) || 0;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height: Math.ceil(bottom + margin) }, '*');
  };
  send();
  new ResizeObserver(send).observe(body);
  // The page's script may load after the chart has spoken: it asks, and the chart says it again.
  window.addEventListener('message', (event) => {
    if (event.source === window.parent && event.data?.type === ASK_MESSAGE) send();
  });
  // A fragment names the chart shown: another chart, another height.
  window.addEventListener('hashchange', send);
}

export function enableCopyButtons(document: Document): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const code = document.getElementById(button.dataset.copy ?? '');
    const status = button.nextElementSibling;
    if (!code || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      void navigator.clipboard.writeText(code.textContent ?? '').then(() => {
        if (status) status.textContent = button.dataset.copied ?? '';
      });
    });
  }
}
